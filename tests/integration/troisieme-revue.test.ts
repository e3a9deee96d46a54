// The third security review (issue 30) on PostgreSQL: each describe is named after its finding; the others are
// shown in lib/cookies.test.ts, lib/web/limites-corps.test.ts, lib/storage/nom-fichier.test.ts,
// lib/auth/sso-agents.test.ts, tests/integration/franceconnect-sso-agents.test.ts,
// tests/integration/disponibilite.test.ts and over HTTP in tests/http/acces.test.ts and
// tests/http/troisieme-revue.test.ts.
import { afterAll, describe, expect, it, vi } from "vitest";

// Before lib/config.ts reads the environment: the portal behind one reverse proxy, at its public address.
const AVANT = vi.hoisted(() => {
  const avant = { APP_URL: process.env.APP_URL, TRUSTED_PROXY: process.env.TRUSTED_PROXY };
  process.env.APP_URL = "https://famille.villefranque.fr";
  process.env.TRUSTED_PROXY = "1";
  return avant;
});

import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { chiffrerSecretTotp } from "@/lib/auth/totp";
import { creerAgent } from "@/lib/domain/agent/creer";
import { changerAccesSante } from "@/lib/domain/sante/acces-agent";
import { pdfAttestation } from "@/lib/domain/facturation/documents";
import { verifierFichier } from "@/lib/domain/piece/pieces";
import { pieceDuFormulaire } from "@/lib/storage/upload-check";
import { seedCommune } from "@/prisma/seed";
import { DEMO_ADMIN, DEMO_ADMIN_TOTP, DEMO_AGENT, DEMO_PARENT } from "@/prisma/demo-comptes";
import { comptesDemoOuverts, fermerComptesDemo } from "@/scripts/comptes-demo";
import { proxy } from "@/proxy";
import { factureEtPaiement, familleValidee } from "./paiement-fixtures";

afterAll(() => {
  for (const [nom, valeur] of Object.entries(AVANT)) {
    if (valeur === undefined) delete process.env[nom];
    else process.env[nom] = valeur;
  }
});

const MDP = "Mairie-Villefranque-64!";
let rang = 0;
const ip = () => `198.51.100.${++rang}`;

async function nouvelAgent(identifiant: string, role: "AGENT" | "ADMIN" = "AGENT") {
  await seedCommune();
  return creerAgent(
    { identifiant, courriel: `${identifiant}@mairie.test`, nom: "Agent", prenom: "Test", role, motDePasse: MDP },
    { par: "test" },
  );
}

describe("health data behind one factor", () => {
  it("an agent holding SANTE owes the TOTP code after the password, though the commune requires it of nobody", async () => {
    const agentId = await nouvelAgent("sans.sante");
    const sansSante = await login({ kind: "AGENT", identifiant: "sans.sante", motDePasse: MDP, ip: ip() });
    expect(sansSante).toMatchObject({ ok: true, mfaEnAttente: false });

    const admin = await db().agent.findUniqueOrThrow({ where: { id: await nouvelAgent("admin.sante", "ADMIN") } });
    await changerAccesSante({ admin, agentId, accorde: true, ip: ip() });
    const avecSante = await login({ kind: "AGENT", identifiant: "sans.sante", motDePasse: MDP, ip: ip() });
    expect(avecSante).toMatchObject({ ok: true, mfaEnAttente: true });
  });

  it("giving SANTE ends the agent's sessions opened with a password alone", async () => {
    const agentId = await nouvelAgent("session.ouverte");
    const ouverte = await login({ kind: "AGENT", identifiant: "session.ouverte", motDePasse: MDP, ip: ip() });
    expect(ouverte).toMatchObject({ ok: true, mfaEnAttente: false });
    const admin = await db().agent.findUniqueOrThrow({ where: { id: await nouvelAgent("admin.donne", "ADMIN") } });
    await changerAccesSante({ admin, agentId, accorde: true, ip: ip() });
    const sessions = await db().session.findMany({ where: { agentId } });
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
  });
});

describe("the attestation fiscale is generated for any year 2000–2099", () => {
  it("only for a year the household paid something in", async () => {
    const famille = await familleValidee("Attestation");
    await factureEtPaiement(famille.familleId); // a payment of 20 November 2026
    const now = new Date("2027-01-15T10:00:00Z");
    expect(await pdfAttestation(famille.familleId, 2026, now)).not.toBeNull();
    expect(await pdfAttestation(famille.familleId, 2025, now)).toBeNull();
    expect(await pdfAttestation(famille.familleId, 2099, now)).toBeNull();
  });
});

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("an uploaded justificatif keeps a user-chosen .html name", () => {
  it("a pièce justificative and an Échanges or absence piece are kept under the detected type's extension", async () => {
    const fichier = () => new File([PNG], "justificatif.html", { type: "text/html" });
    expect(await verifierFichier(fichier())).toMatchObject({ mime: "image/png", nom: "justificatif.png" });
    expect(await pieceDuFormulaire(fichier())).toMatchObject({ ok: true, piece: { nom: "justificatif.png" } });
  });
});

describe("demo accounts survive if a preview's data volume is started in production", () => {
  it("they are found while their public password or TOTP key opens them, and closed by the command", async () => {
    await seedCommune();
    const agentDemo = await creerAgent(
      {
        identifiant: DEMO_AGENT.identifiant,
        courriel: "a@mairie.test",
        nom: "D",
        prenom: "A",
        role: "AGENT",
        motDePasse: DEMO_AGENT.motDePasse,
      },
      { par: "test" },
    );
    // admin.demo's password was changed, but it still has the public TOTP key
    const adminDemo = await creerAgent(
      {
        identifiant: DEMO_ADMIN.identifiant,
        courriel: "b@mairie.test",
        nom: "D",
        prenom: "B",
        role: "ADMIN",
        motDePasse: MDP,
      },
      { par: "test" },
    );
    await db().agent.update({
      where: { id: adminDemo },
      data: { totpSecretChiffre: chiffrerSecretTotp(adminDemo, DEMO_ADMIN_TOTP), totpActiveAt: new Date() },
    });
    await db().usager.create({
      data: {
        identifiant: DEMO_PARENT.identifiant,
        identifiantNormalise: DEMO_PARENT.identifiant,
        courriel: "parent.demo@exemple.fr",
        courrielNormalise: "parent.demo@exemple.fr",
        passwordHash: await hashPassword(DEMO_PARENT.motDePasse),
        activatedAt: new Date(),
        civilite: "MADAME",
        nomUsage: "Demo",
        prenoms: "Claire",
        dateNaissance: new Date("1985-01-01T00:00:00Z"),
        cguVersion: 1,
        cguAcceptedAt: new Date(),
      },
    });
    expect((await comptesDemoOuverts()).sort()).toEqual(["admin.demo", "agent.demo", "parent.demo"]);

    const fermes = await fermerComptesDemo(new Date());
    expect(fermes.sort()).toEqual(["admin.demo", "agent.demo", "parent.demo"]);
    expect(await comptesDemoOuverts()).toEqual([]);
    expect(
      await login({ kind: "AGENT", identifiant: DEMO_AGENT.identifiant, motDePasse: DEMO_AGENT.motDePasse, ip: ip() }),
    ).toMatchObject({ ok: false });
    expect(
      await login({
        kind: "USAGER",
        identifiant: DEMO_PARENT.identifiant,
        motDePasse: DEMO_PARENT.motDePasse,
        ip: ip(),
      }),
    ).toMatchObject({ ok: false });
    expect(await db().agent.findUniqueOrThrow({ where: { id: agentDemo } })).toMatchObject({ active: false });
  });
});

describe("Next's action origin check trusts X-Forwarded-Host", () => {
  const action = (entetes: Record<string, string>) =>
    proxy(
      new NextRequest("http://127.0.0.1:3000/connexion", {
        method: "POST",
        headers: { host: "127.0.0.1:3000", "next-action": "0".repeat(42), "content-length": "10", ...entetes },
        body: "identifiant",
      }),
    );

  it("behind TRUSTED_PROXY, a host other than the portal's is refused before any action runs", async () => {
    const refus = action({ "x-forwarded-host": "ailleurs.example", origin: "https://ailleurs.example" });
    expect(refus.status).toBe(403);
    expect(await refus.text()).toBe("Requête refusée.");
  });

  it("the portal's public host, as the reverse proxy sets it, passes; and Host itself (Next's own filling)", () => {
    expect(action({ "x-forwarded-host": "famille.villefranque.fr" }).status).not.toBe(403);
    expect(action({ "x-forwarded-host": "127.0.0.1:3000" }).status).not.toBe(403);
  });
});
