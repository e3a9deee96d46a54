// The security review's findings (issue 12) on PostgreSQL: each describe is named after its finding, and each
// test fails without its fix.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before the storage module reads its directory: an empty one of this file's own.
const STORAGE_DIR = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/securite-${Math.random().toString(36).slice(2)}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});

import { db } from "@/lib/db";
import { login } from "@/lib/auth/login";
import { LOGIN_LIMITS } from "@/lib/auth/throttle";
import { cleAltchaLocale, newChallenge } from "@/lib/auth/altcha";
import { adresseClient, EN_TETE_ADRESSE_SOCKET, lireProxysDeConfiance } from "@/lib/auth/adresse-client";
import { creerEspace, IDENTIFIANT_PRIS } from "@/lib/domain/usager/creer";
import { activerEspace, lienActivation } from "@/lib/domain/usager/activer";
import { demanderReinitialisation, limiterDemandeReinitialisation } from "@/lib/domain/usager/mot-de-passe";
import { demanderChangementCourriel } from "@/lib/domain/usager/courriel";
import { BROUILLONS_PAR_ADRESSE, createBrouillon, purgeBrouillons, saveBrouillon } from "@/lib/domain/usager/brouillon";
import { AccesSanteRefuse, changerAccesSante } from "@/lib/domain/sante/acces-agent";
import { dossierSantePourAgent, lireDemandeSantePourAgent } from "@/lib/domain/sante/queries-agent";
import { recapInscriptionPourAgent } from "@/lib/domain/inscription/recap";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { dossierSanteDuUsager } from "@/lib/domain/sante/queries";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { getStorage } from "@/lib/storage/storage";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { POST as posterPiece } from "@/app/api/pieces/route";
import { lienDuDernierCourriel, nouvelEspace } from "./espace-fixtures";
import { agent } from "./demande-fixtures";
import { familleValidee, reponses } from "./inscription-fixtures";

const MDP = "Villefranque-64990!";
let rang = 0;
const ip = () => `198.51.100.${++rang}`;

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
});

/** An activated space whose password is MDP. */
async function espaceActive(prefixe: string) {
  const espace = nouvelEspace({ identifiant: `${prefixe}${++rang}`, courriel: `${prefixe}${rang}@exemple.fr` });
  await creerEspace(espace, { ip: ip() });
  await activerEspace(await lienDuDernierCourriel(espace.contact.courriel, "activation"));
  return db().usager.findUniqueOrThrow({ where: { identifiantNormalise: espace.identifiant.toLowerCase() } });
}

const mailsA = (to: string, subject?: RegExp) =>
  db()
    .outboxMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } })
    .then((mails) => mails.filter((mail) => !subject || subject.test(mail.subject)));

describe("takeover of a space waiting for activation", () => {
  it("never overwrites a pending space: the same answer as a new space, and its holder is mailed", async () => {
    const victime = nouvelEspace({ identifiant: "victime", courriel: "victime@exemple.fr" });
    const { usagerId } = await creerEspace(victime, { ip: ip() });
    const lienVictime = await lienDuDernierCourriel("victime@exemple.fr", "activation");
    const avant = await db().usager.findUniqueOrThrow({ where: { id: usagerId! } });

    const attaque = await creerEspace(
      { ...nouvelEspace({ courriel: "Victime@Exemple.fr" }), identifiant: "attaquant", motDePasse: "Attaquant-2026!!" },
      { ip: ip() },
    );
    // the page learns nothing: a new space's answer has no more in it (the action redirects to the same page)
    expect(attaque).toEqual({ usagerId: null });
    const apres = await db().usager.findUniqueOrThrow({ where: { id: usagerId! } });
    expect(apres).toEqual(avant);
    expect(await db().usager.count({ where: { identifiantNormalise: "attaquant" } })).toBe(0);

    const [, tentative] = await mailsA("victime@exemple.fr");
    expect(tentative?.subject).toBe("Mairie de Villefranque - Tentative d'utilisation de votre courriel");
    expect(tentative!.text).toContain("Quelqu'un a tenté de créer un espace avec votre courriel");
    expect(tentative!.html).toContain("Quelqu&#x27;un a tenté de créer un espace avec votre courriel");
    // the link resent activates the victim's own space, and the first link still works too
    const lienRenvoye = await lienDuDernierCourriel("victime@exemple.fr", "activation");
    expect(lienRenvoye).not.toBe(lienVictime);
    expect(await lienActivation(lienRenvoye)).toEqual({ status: "valide" });
    expect(await activerEspace(lienVictime)).toEqual({ status: "active", identifiant: "victime" });
    expect(
      await login({ kind: "USAGER", identifiant: "victime", motDePasse: victime.motDePasse, ip: ip() }),
    ).toMatchObject({ ok: true });
    expect(
      await login({ kind: "USAGER", identifiant: "victime", motDePasse: "Attaquant-2026!!", ip: ip() }),
    ).toMatchObject({ ok: false, reason: "identifiants" });
  });

  it("opening the link activates nothing (mail scanners follow links): only the page's POST does", async () => {
    const espace = nouvelEspace();
    const { usagerId } = await creerEspace(espace, { ip: ip() });
    const token = await lienDuDernierCourriel(espace.contact.courriel, "activation");
    expect(await lienActivation(token)).toEqual({ status: "valide" });
    expect(await lienActivation(token)).toEqual({ status: "valide" });
    expect((await db().usager.findUniqueOrThrow({ where: { id: usagerId! } })).activatedAt).toBeNull();
    expect(await activerEspace(token)).toMatchObject({ status: "active" });
    expect(await lienActivation(token)).toMatchObject({ status: "utilise", dejaActive: true });
  });
});

describe("mail flooding", () => {
  it("« Mot de passe oublié »: 3 requests an hour per typed identifiant or courriel, then the time of the next try", async () => {
    const usager = await espaceActive("oubli");
    const maintenant = new Date("2026-11-27T09:00:00Z");
    for (let i = 0; i < 3; i++) expect(await limiterDemandeReinitialisation(usager.identifiant, maintenant)).toBeNull();
    const jusqua = await limiterDemandeReinitialisation(` ${usager.identifiant.toUpperCase()} `, maintenant);
    expect(jusqua).toEqual(new Date("2026-11-27T10:00:00Z"));
    // another key is not affected; the hour over, the key may ask again
    expect(await limiterDemandeReinitialisation(usager.courriel, maintenant)).toBeNull();
    expect(await limiterDemandeReinitialisation(usager.identifiant, new Date("2026-11-27T10:00:01Z"))).toBeNull();
  });

  it("« Mot de passe oublié »: 3 reset mails an hour per space, whether asked by identifiant or courriel", async () => {
    const usager = await espaceActive("reset");
    await Promise.all(
      [
        usager.identifiant,
        usager.courriel,
        usager.identifiant,
        usager.courriel,
        usager.identifiant,
        usager.courriel,
      ].map((cle) => demanderReinitialisation(cle, { ip: ip() })),
    );
    expect(await mailsA(usager.courriel, /mot de passe/i)).toHaveLength(3);
  });

  it("« Changer de courriel »: 3 confirmation mails an hour per space, then a French message with the time", async () => {
    const usager = await espaceActive("change");
    const maintenant = new Date();
    for (let i = 1; i <= 3; i++) {
      await demanderChangementCourriel({
        usager,
        motDePasse: MDP,
        nouveauCourriel: `cible${i}.${usager.id}@exemple.fr`,
        ip: ip(),
        now: maintenant,
      });
    }
    await expect(
      demanderChangementCourriel({
        usager,
        motDePasse: MDP,
        nouveauCourriel: `cible4.${usager.id}@exemple.fr`,
        ip: ip(),
        now: maintenant,
      }),
    ).rejects.toMatchObject({
      code: "trop_de_demandes",
      field: "courriel",
      message: expect.stringMatching(
        /^Trois demandes de changement ont déjà été faites dans l'heure\. Réessayez à partir de \d\d:\d\d\.$/,
      ),
    });
    expect(await db().outboxMail.count({ where: { to: `cible4.${usager.id}@exemple.fr` } })).toBe(0);
  });

  it("« Changer de courriel »: 3 confirmation mails an hour per target address, whoever asks", async () => {
    const cible = `cible-commune-${++rang}@exemple.fr`;
    for (let i = 0; i < 3; i++) {
      const usager = await espaceActive("cible");
      await demanderChangementCourriel({ usager, motDePasse: MDP, nouveauCourriel: cible, ip: ip() });
    }
    const quatrieme = await espaceActive("cible");
    await expect(
      demanderChangementCourriel({ usager: quatrieme, motDePasse: MDP, nouveauCourriel: cible, ip: ip() }),
    ).rejects.toMatchObject({ code: "trop_de_demandes" });
    expect(await mailsA(cible)).toHaveLength(3);
  });
});

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

describe("enumeration", () => {
  it("Créer mon espace with the courriel of an activated space answers like a new space and mails its holder", async () => {
    const titulaire = await espaceActive("enum");
    const nouveau = await creerEspace(
      { ...nouvelEspace({ courriel: titulaire.courriel.toUpperCase() }), identifiant: `autre${++rang}` },
      { ip: ip() },
    );
    expect(nouveau).toEqual({ usagerId: null });
    const [dernier] = (await mailsA(titulaire.courriel)).reverse();
    expect(dernier?.text).toContain("Quelqu'un a tenté de créer un espace avec votre courriel");
    expect(dernier?.text).toContain("/connexion");
    expect(dernier?.text).not.toContain("/activation/");
  });

  it("the courriel change to a taken address answers like a success and informs that address's holder", async () => {
    const titulaire = await espaceActive("prise");
    const demandeur = await espaceActive("demandeur");
    await expect(
      demanderChangementCourriel({ usager: demandeur, motDePasse: MDP, nouveauCourriel: titulaire.courriel, ip: ip() }),
    ).resolves.toBeUndefined();
    expect(await db().usagerToken.count({ where: { usagerId: demandeur.id, purpose: "CHANGEMENT_COURRIEL" } })).toBe(0);
    const [dernier] = (await mailsA(titulaire.courriel)).reverse();
    expect(dernier?.text).toContain("Quelqu'un a demandé que votre courriel devienne celui d'un autre espace");
  });

  it("the identifiant stays checkable, but at most 10 taken ones an hour per address", async () => {
    const pris = await espaceActive("pseudo");
    const adresse = ip();
    for (let i = 0; i < 10; i++) {
      await expect(
        creerEspace({ ...nouvelEspace(), identifiant: pris.identifiant }, { ip: adresse }),
      ).rejects.toMatchObject({
        field: "identifiant",
        message: IDENTIFIANT_PRIS,
      });
    }
    await expect(
      creerEspace({ ...nouvelEspace(), identifiant: pris.identifiant }, { ip: adresse }),
    ).rejects.toMatchObject({
      field: "identifiant",
      message: expect.stringMatching(
        /^Trop d'identifiants déjà utilisés ont été essayés\. Réessayez à partir de \d\d:\d\d\.$/,
      ),
    });
  });

  it("the reset's answer does the same work whether a space matches or not: the space is looked up after it", async () => {
    const usager = await espaceActive("delai");
    const [avantMails, avantJetons] = [await db().outboxMail.count(), await db().usagerToken.count()];
    // what the action awaits before answering: nothing in it reads the space
    expect(await limiterDemandeReinitialisation(usager.identifiant)).toBeNull();
    expect(await limiterDemandeReinitialisation("personne.de.ce.nom")).toBeNull();
    expect([await db().outboxMail.count(), await db().usagerToken.count()]).toEqual([avantMails, avantJetons]);
    expect(
      await db().limiteEnvoi.count({ where: { cle: { startsWith: "reinitialisation:" } } }),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe("anonymous uploads pile up", () => {
  it("purgeBrouillons deletes the photo with its expired draft", async () => {
    const cree = (await createBrouillon(ip()))!;
    const photoKey = await getStorage().put(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await saveBrouillon(cree.brouillon.id, { identite: { nomUsage: "Etchart", photoKey } }, { step: 2, reached: 2 });
    expect(await getStorage().get(photoKey)).not.toBeNull();
    expect(await purgeBrouillons(new Date(Date.now() + 25 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect(await db().wizardDraft.count({ where: { id: cree.brouillon.id } })).toBe(0);
    expect(await getStorage().get(photoKey)).toBeNull();
    expect(existsSync(STORAGE_DIR)).toBe(true);
  });

  it(`limits drafts to ${BROUILLONS_PAR_ADRESSE.max} a day per address`, async () => {
    const adresse = ip();
    const crees = await Promise.all(
      Array.from({ length: BROUILLONS_PAR_ADRESSE.max + 3 }, () => createBrouillon(adresse)),
    );
    expect(crees.filter(Boolean)).toHaveLength(BROUILLONS_PAR_ADRESSE.max);
    expect(await createBrouillon(ip())).not.toBeNull();
    expect(await createBrouillon(adresse, new Date(Date.now() + 24 * 3600_000 + 1000))).not.toBeNull();
  });
});

describe("health data is open to every agent", () => {
  it("an agent without the permission SANTE gets AccesSanteRefuse, nothing decrypted nor journaled", async () => {
    const { usager, enfantId, instructeur } = await familleValidee("Sante");
    expect(
      await modifierDossierSante({
        usagerId: usager.id,
        enfantId,
        values: { pai: "on", commentaire: "Asthme" },
        etape2: true,
      }),
    ).toEqual({
      kind: "recapitulatif",
    });
    const demandeId = (await dossierSanteDuUsager(usager.id, enfantId))!.editable!.id;
    await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });
    const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });

    await expect(lireDemandeSantePourAgent(instructeur.id, demande)).rejects.toBeInstanceOf(AccesSanteRefuse);
    await expect(dossierSantePourAgent(instructeur.id, enfantId)).rejects.toBeInstanceOf(AccesSanteRefuse);
    expect(await db().journalEntry.count({ where: { event: "dossier_sante.lecture", actorId: instructeur.id } })).toBe(
      0,
    );

    // an administrator gives the access: each read is journaled once, by the query
    const admin = await agent("Admin");
    await changerAccesSante({ admin, agentId: instructeur.id, accorde: true, ip: ip() });
    expect((await lireDemandeSantePourAgent(instructeur.id, demande)).fiche?.commentaire).toBe("Asthme");
    await dossierSantePourAgent(instructeur.id, enfantId);
    expect(await db().journalEntry.count({ where: { event: "dossier_sante.lecture", actorId: instructeur.id } })).toBe(
      2,
    );
    expect(await db().journalEntry.count({ where: { event: "agent.acces_sante_accorde", actorId: admin.id } })).toBe(1);

    // withdrawn: refused again at once
    await changerAccesSante({ admin, agentId: instructeur.id, accorde: false, ip: ip() });
    await expect(dossierSantePourAgent(instructeur.id, enfantId)).rejects.toBeInstanceOf(AccesSanteRefuse);
  });

  it("the P.A.I. of an inscription opens, journaled once per read by the query, only with the permission", async () => {
    const { usager, enfantId, contactId } = await familleValidee("Pai");
    const activite = await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } });
    const demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId: activite.id });
    await enregistrerInscription({
      usagerId: usager.id,
      demandeId,
      values: await reponses(activite.id, contactId, { pai: "Allergie aux arachides" }),
      etape2: false,
    });
    const demande = await db().demande.findUniqueOrThrow({ where: { id: demandeId } });
    const sans = await agent("SansSante");
    const avec = await agent("AvecSante", { permissions: ["SANTE"] });

    const refuse = await recapInscriptionPourAgent(sans.id, demande);
    expect(refuse).toMatchObject({ pai: true, paiObjet: null });
    expect(JSON.stringify(refuse)).not.toContain("arachides");
    expect(await recapInscriptionPourAgent(avec.id, demande)).toMatchObject({ paiObjet: "Allergie aux arachides" });
    await recapInscriptionPourAgent(avec.id, demande);
    const lectures = await db().journalEntry.findMany({ where: { event: "inscription.pai_consulte" } });
    expect(lectures.map((l) => l.actorId)).toEqual([avec.id, avec.id]);
  });
});

describe("a malformed Origin on POST /api/pieces", () => {
  it.each([["http://["], ["null"], ["pas une url"]])("Origin %j is a 403, not a 500", async (origin) => {
    const reponse = await posterPiece(
      new Request("http://127.0.0.1:3000/api/pieces", { method: "POST", headers: { origin, host: "127.0.0.1:3000" } }),
    );
    expect(reponse.status).toBe(403);
    expect(await reponse.json()).toEqual({ message: "Requête refusée." });
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
