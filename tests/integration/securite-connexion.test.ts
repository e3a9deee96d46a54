// The security review's findings (issue 12) on the login, on PostgreSQL: each describe is named after its finding,
// and each test fails without its fix. The review's other findings: a family's space and its mails in
// securite-espaces.test.ts, uploads and health data in securite-donnees.test.ts.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { LOGIN_LIMITS } from "@/lib/auth/throttle";
import { cleAltchaLocale, newChallenge } from "@/lib/auth/altcha";
import { adresseClient, EN_TETE_ADRESSE_SOCKET, lireProxysDeConfiance } from "@/lib/auth/adresse-client";
import { espaceActive, ip, MDP, preparerCommune } from "./securite-fixtures";

preparerCommune();

describe("the per-address limit locks out everyone behind one address", () => {
  it("past 20 failures, a right password from that address needs the ALTCHA check, and then passes", async () => {
    const adresse = ip();
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await login({ kind: "USAGER", identifiant: `inconnu${i}`, motDePasse: "Faux-Mot-1!", ip: adresse });
    }
    const parent = await espaceActive("operateur");
    const essai = (altcha?: string, motDePasse = MDP) =>
      login({ kind: "USAGER", identifiant: parent.identifiant, motDePasse, ip: adresse, altcha });
    expect(await essai()).toEqual({ ok: false, reason: "altcha" });
    expect(await essai("pas une solution")).toEqual({ ok: false, reason: "altcha" });
    // a wrong password with the check says to keep asking for it
    expect(await essai(await altchaResolu(), "Mauvais-Mot-2026!")).toEqual({
      ok: false,
      reason: "identifiants",
      altchaDemande: true,
    });
    expect(await essai(await altchaResolu())).toMatchObject({ ok: true });
    // another address is not concerned
    expect(await login({ kind: "USAGER", identifiant: parent.identifiant, motDePasse: MDP, ip: ip() })).toMatchObject({
      ok: true,
    });
  });

  it("the per-account lock stays as it is: 5 failures lock the identifiant from any address, ALTCHA or not", async () => {
    const parent = await espaceActive("verrou");
    for (let i = 0; i < LOGIN_LIMITS.perIdentifiant; i++) {
      await login({ kind: "USAGER", identifiant: parent.identifiant, motDePasse: `Faux-${i}-Mot!`, ip: ip() });
    }
    expect(
      await login({
        kind: "USAGER",
        identifiant: parent.identifiant,
        motDePasse: MDP,
        ip: ip(),
        altcha: await altchaResolu(),
      }),
    ).toMatchObject({ ok: false, reason: "bloque" });
  });
});

async function altchaResolu(): Promise<string> {
  const challenge = await newChallenge();
  const solution = await solveChallenge({ challenge, deriveKey });
  return btoa(JSON.stringify({ challenge, solution }));
}

describe("per-IP throttling trusts a forged X-Forwarded-For", () => {
  let serveur: Server | undefined;
  afterAll(() => serveur?.close());

  it("the socket's address is the throttled key: a forged X-Forwarded-For changes nothing", async () => {
    // the preload scripts/start.ts gives `next start`, on a real HTTP server
    createRequire(import.meta.url)(path.resolve("scripts/adresse-socket.cjs"));
    serveur = createServer(async (requete, reponse) => {
      const socket = requete.headers[EN_TETE_ADRESSE_SOCKET] as string | undefined;
      const forwarded = requete.headers["x-forwarded-for"] as string | undefined;
      const adresse = adresseClient(socket, forwarded, lireProxysDeConfiance(undefined));
      await login({ kind: "USAGER", identifiant: "cible.xff", motDePasse: "Faux-Mot-1!", ip: adresse });
      reponse.end(adresse);
    });
    await new Promise<void>((resolve) => serveur!.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}/`;
    const adresses = [];
    for (const forge of ["203.0.113.66", "203.0.113.67, 203.0.113.68"]) {
      const reponse = await fetch(url, {
        headers: { "x-forwarded-for": forge, [EN_TETE_ADRESSE_SOCKET]: "203.0.113.99" },
      });
      adresses.push(await reponse.text());
    }
    expect(adresses).toEqual(["127.0.0.1", "127.0.0.1"]);
    const tentatives = await db().loginAttempt.findMany({ where: { identifiant: "cible.xff" }, select: { ip: true } });
    expect(tentatives.map((t) => t.ip)).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});

describe("the ALTCHA key of demo mode", () => {
  it("is a random secret kept in DATA_DIR, readable by its owner only, the same at each start", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "altcha-"));
    const cle = cleAltchaLocale(dataDir);
    expect(cle).toMatch(/^[0-9a-f]{64}$/);
    const fichier = path.join(dataDir, "altcha-hmac.key");
    expect(readFileSync(fichier, "utf8").trim()).toBe(cle);
    expect(statSync(fichier).mode & 0o777).toBe(0o600);
    expect(cleAltchaLocale(dataDir)).toBe(cle);
    // another install (same DATABASE_URL or not) has another key
    expect(cleAltchaLocale(mkdtempSync(path.join(tmpdir(), "altcha-")))).not.toBe(cle);
    // a truncated file is replaced by nothing weaker: the short content is never used as the key
    const autre = mkdtempSync(path.join(tmpdir(), "altcha-"));
    writeFileSync(path.join(autre, "altcha-hmac.key"), "court");
    expect(() => cleAltchaLocale(autre)).toThrow();
  });
});
