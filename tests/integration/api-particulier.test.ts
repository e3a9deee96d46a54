// The QF from the CAF or the MSA through API Particulier v3, against its local stand-in over real HTTP: the value
// and the provider, every error the real service answers (404 37002, 401, 429 with Retry-After, 503), a timeout
// and a malformed answer; no consent, no call (the stand-in's requests counted); the FranceConnect modality
// sends the parent's access token; the value kept from the 1st of the month, the previous QF closed, the same
// value again no new row; the monthly job reads the consenting families only, once a month; the parent's page
// data is the caller's own family's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiParticulierStandIn, JETON_STAND_IN, SIRET_STAND_IN } from "../stand-ins/api-particulier";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ErreurApiParticulier, messagePourParent, quotientParIdentite } from "@/lib/api-particulier/client";
import { lireQuotientCaf } from "@/lib/domain/facturation/quotient-caf";
import { consentirQuotientCaf } from "@/lib/domain/facturation/quotient-consentement";
import { rafraichirQuotientsCaf } from "@/lib/domain/facturation/quotient-mensuel";
import { quotientDuUsager } from "@/lib/domain/facturation/quotient-page";
import { seedCommune } from "@/prisma/seed";
import { familleValidee } from "./inscription-fixtures";

let standIn: Awaited<ReturnType<typeof startApiParticulierStandIn>>;
let reglages: { url: string; jeton: string; siret: string; delaiMs?: number };
const NOW = new Date("2026-12-07T10:00:00Z");
const MOIS_SUIVANT = new Date("2027-01-05T10:00:00Z");

beforeAll(async () => {
  await seedCommune();
  standIn = await startApiParticulierStandIn();
  reglages = { url: standIn.url, jeton: JETON_STAND_IN, siret: SIRET_STAND_IN };
}, 60_000);

afterAll(async () => {
  await standIn?.close();
});

/** A validated family whose titulaire is that person of the stand-in (born that year and month, in Bayonne). */
async function famille(nom: string, prenom: string, naissance: string, { consentement = true } = {}) {
  const f = await familleValidee(nom);
  await db().representant.updateMany({
    where: { familleId: f.familleId, role: "TITULAIRE" },
    data: { prenom, dateNaissance: new Date(`${naissance}T00:00:00Z`), codeInseeNaissance: "64102" },
  });
  if (consentement) await consentirQuotientCaf({ usagerId: f.usager.id, consentement: true, now: NOW });
  return f;
}

const appelsPour = (nom: string) =>
  standIn.requetes().filter((r) => r.query.get("nomNaissance")?.toUpperCase() === nom.toUpperCase());

const erreurDe = async (promesse: Promise<unknown>) => {
  try {
    await promesse;
  } catch (error) {
    return error;
  }
  throw new Error("aucune erreur");
};

const identite = (nomNaissance: string) => ({
  nomNaissance,
  prenoms: ["Claire"],
  sexe: "F" as const,
  anneeNaissance: 1988,
  moisNaissance: 4,
  codeInseeCommuneNaissance: "64102",
});

describe("the adapter against the stand-in", () => {
  it("reads the value, the provider and the month, with the commune's token and SIRET", async () => {
    standIn.horloge(NOW);
    expect(await quotientParIdentite(reglages, identite("Etchart"))).toEqual({
      fournisseur: "CAF",
      valeur: 850,
      annee: 2026,
      mois: 12,
    });
    const derniere = standIn.requetes().at(-1)!;
    expect(derniere.modalite).toBe("identite");
    expect(derniere.jeton).toBe(JETON_STAND_IN);
    expect(derniere.query.get("recipient")).toBe(SIRET_STAND_IN);
    expect(derniere.query.getAll("prenoms[]")).toEqual(["Claire"]);
    expect(derniere.query.get("moisDateNaissance")).toBe("04");
  });

  it("404 37002: no CAF or MSA file, in the parent's words", async () => {
    const erreur = (await erreurDe(quotientParIdentite(reglages, identite("Inconnue")))) as ErreurApiParticulier;
    expect(erreur).toBeInstanceOf(ErreurApiParticulier);
    expect([erreur.type, erreur.statut, erreur.code]).toEqual(["introuvable", 404, "37002"]);
    expect(erreur.message).toBe(
      "Aucun dossier CAF ou MSA n'a été trouvé pour cette identité : déposez votre attestation de quotient familial.",
    );
  });

  it("401: a configuration error for the agents, never shown as such to a parent", async () => {
    const erreur = (await erreurDe(
      quotientParIdentite({ ...reglages, jeton: "un-jeton-faux-de-la-commune" }, identite("Etchart")),
    )) as ErreurApiParticulier;
    expect([erreur.type, erreur.statut]).toEqual(["configuration", 401]);
    expect(erreur.message).toMatch(/API_PARTICULIER/);
    expect(messagePourParent(erreur)).toBe("Le service de la CAF ne répond pas, réessayez plus tard.");
  });

  it("429: how long to wait, from Retry-After", async () => {
    standIn.limite(1, 7);
    const erreur = (await erreurDe(quotientParIdentite(reglages, identite("Etchart")))) as ErreurApiParticulier;
    expect([erreur.type, erreur.statut, erreur.reessayerDans]).toEqual(["limite", 429, 7]);
    expect(erreur.message).toBe("Trop de demandes auprès de la CAF en ce moment : réessayez dans 7 secondes.");
  });

  it("503, a timeout and a malformed answer: the service does not answer", async () => {
    const panne = (await erreurDe(quotientParIdentite(reglages, identite("Panne")))) as ErreurApiParticulier;
    expect([panne.type, panne.statut]).toEqual(["indisponible", 503]);
    expect(panne.message).toBe("Le service de la CAF ne répond pas, réessayez plus tard.");

    standIn.delai(500);
    try {
      const lente = (await erreurDe(
        quotientParIdentite({ ...reglages, delaiMs: 100 }, identite("Etchart")),
      )) as ErreurApiParticulier;
      expect([lente.type, lente.statut]).toEqual(["indisponible", null]);
      // the message never carries the request's address (it holds the identity)
      expect(lente.message).not.toMatch(/Etchart|127\.0\.0\.1/);
    } finally {
      standIn.delai(0);
    }

    standIn.malforme();
    const malformee = (await erreurDe(quotientParIdentite(reglages, identite("Etchart")))) as ErreurApiParticulier;
    expect([malformee.type, malformee.code]).toEqual(["indisponible", "reponse"]);
  });
});

describe("reading a family's QF", () => {
  it("no consent, no call: refused before anything is asked, and again once the consent is withdrawn", async () => {
    const f = await famille("Sansaccord", "Claire", "1988-04-12", { consentement: false });
    const avant = standIn.requetes().length;
    const par = { kind: "AGENT", id: f.instructeur.id } as const;
    const erreur = await erreurDe(lireQuotientCaf({ familleId: f.familleId, par, reglages, now: NOW }));
    expect(erreur).toBeInstanceOf(AppError);
    expect((erreur as AppError).code).toBe("sans_consentement");

    await consentirQuotientCaf({ usagerId: f.usager.id, consentement: true, now: NOW });
    await consentirQuotientCaf({ usagerId: f.usager.id, consentement: false, now: NOW });
    expect(await db().famille.findUniqueOrThrow({ where: { id: f.familleId } })).toMatchObject({
      consentementQfLe: null,
      consentementQfParId: null,
    });
    await expect(lireQuotientCaf({ familleId: f.familleId, par, reglages, now: NOW })).rejects.toThrow(AppError);
    expect(standIn.requetes().length).toBe(avant);
  });

  it("keeps the value from the 1st of the month, closes the previous QF, and makes no new row for the same value", async () => {
    standIn.horloge(NOW);
    const f = await famille("Etchart", "Claire", "1988-04-12");
    const consentie = await db().famille.findUniqueOrThrow({ where: { id: f.familleId } });
    expect(consentie).toMatchObject({ consentementQfLe: NOW, consentementQfParId: f.usager.id });
    await db().quotientFamilial.create({
      data: { familleId: f.familleId, valeur: 700, du: new Date("2026-01-01"), source: "AGENT" },
    });
    const par = { kind: "AGENT", id: f.instructeur.id } as const;
    const lu = await lireQuotientCaf({ familleId: f.familleId, par, reglages, now: NOW });
    expect(lu).toEqual({ fournisseur: "CAF", valeur: 850, annee: 2026, mois: 12, nouveau: true });
    await lireQuotientCaf({ familleId: f.familleId, par, reglages, now: NOW });
    const quotients = await db().quotientFamilial.findMany({
      where: { familleId: f.familleId },
      orderBy: { du: "asc" },
    });
    expect(
      quotients.map((q) => [q.valeur, q.du.toISOString().slice(0, 10), q.au?.toISOString().slice(0, 10), q.source]),
    ).toEqual([
      [700, "2026-01-01", "2026-11-30", "AGENT"],
      [850, "2026-12-01", undefined, "CAF"],
    ]);
    expect(quotients[1]).toMatchObject({ modalite: "IDENTITE", annee: 2026, mois: 12 });
    const entrees = await db().journalEntry.findMany({
      where: { event: "facturation.quotient_caf", details: { path: ["famille"], equals: f.familleId } },
    });
    expect(entrees).toHaveLength(2);
    // the value and the provider, never the identity asked with
    expect(JSON.stringify(entrees.map((e) => e.details))).not.toMatch(/Claire|1988|64102/);
  });

  it("asks the titulaire's INSEE code of birth when it is missing, and keeps the one the agent types", async () => {
    const f = await famille("Etchart", "Claire", "1988-04-12");
    await db().representant.updateMany({ where: { familleId: f.familleId }, data: { codeInseeNaissance: null } });
    const par = { kind: "AGENT", id: f.instructeur.id } as const;
    const erreur = (await erreurDe(lireQuotientCaf({ familleId: f.familleId, par, reglages, now: NOW }))) as AppError;
    expect([erreur.code, erreur.field]).toEqual(["codeInsee", "codeInsee"]);
    const lu = await lireQuotientCaf({ familleId: f.familleId, par, reglages, now: NOW, codeInsee: "64102" });
    expect(lu?.valeur).toBe(850);
    expect(standIn.requetes().at(-1)!.query.get("codeCogInseeCommuneNaissance")).toBe("64102");
  });

  it("the FranceConnect modality sends the parent's access token, and nothing of the identity", async () => {
    const f = await famille("Dubois", "Angela", "1962-08-24");
    standIn.jetonFranceConnect("jeton-fc-angela", {
      nomNaissance: "DUBOIS",
      prenom: "Angela",
      sexe: "F",
      annee: 1962,
      mois: 8,
    });
    const par = { kind: "USAGER", id: f.usager.id } as const;
    const lu = await lireQuotientCaf({
      familleId: f.familleId,
      par,
      reglages,
      now: NOW,
      accessToken: "jeton-fc-angela",
    });
    expect(lu).toMatchObject({ fournisseur: "MSA", valeur: 1200, nouveau: true });
    const requete = standIn.requetes().at(-1)!;
    expect(requete.modalite).toBe("france_connect");
    expect(requete.jeton).toBe("jeton-fc-angela");
    expect([...requete.query.keys()]).toEqual(["recipient"]);
    const q = await db().quotientFamilial.findFirstOrThrow({ where: { familleId: f.familleId } });
    expect([q.source, q.modalite]).toEqual(["MSA", "FRANCECONNECT"]);
  });

  it("the parent's page reads the caller's own family only", async () => {
    const a = await famille("Etchart", "Claire", "1988-04-12");
    const b = await famille("Bidart", "Claire", "1990-01-01", { consentement: false });
    await lireQuotientCaf({ familleId: a.familleId, par: { kind: "SYSTEME" }, reglages, now: NOW });
    const pageA = await quotientDuUsager(a.usager.id);
    const pageB = await quotientDuUsager(b.usager.id);
    expect(pageA?.familleId).toBe(a.familleId);
    expect(pageA?.quotients.map((q) => q.valeur)).toEqual([850]);
    expect(pageA?.consentementQfLe).toEqual(NOW);
    expect(pageB?.familleId).toBe(b.familleId);
    expect(pageB?.quotients).toEqual([]);
    expect(pageB?.consentementQfLe).toBeNull();
  });
});

describe("the monthly job", () => {
  it("reads the consenting families only, one failing never stops the others, once a month", async () => {
    // the other tests' families consented too: count this test's families only
    const lue = await famille("Etchart", "Claire", "1988-04-12");
    const inconnue = await famille("Personne", "Claire", "1988-04-12");
    const sans = await famille("Mercier", "Pierre", "1969-03-17", { consentement: false });
    standIn.horloge(MOIS_SUIVANT);
    const premier = await rafraichirQuotientsCaf({ reglages, now: MOIS_SUIVANT });
    expect(premier.echecs).toBeGreaterThanOrEqual(1);
    expect(appelsPour("Personne").length).toBeGreaterThanOrEqual(1);
    expect(appelsPour("Mercier")).toEqual([]);
    const q = await db().quotientFamilial.findFirstOrThrow({ where: { familleId: lue.familleId } });
    expect([q.valeur, q.du.toISOString().slice(0, 10), q.annee, q.mois]).toEqual([850, "2027-01-01", 2027, 1]);
    expect(await db().quotientFamilial.count({ where: { familleId: sans.familleId } })).toBe(0);
    expect(await db().quotientFamilial.count({ where: { familleId: inconnue.familleId } })).toBe(0);

    // again the same month: the families read are not asked again (only those that failed are)
    const appelsEtchart = appelsPour("Etchart").length;
    const second = await rafraichirQuotientsCaf({ reglages, now: MOIS_SUIVANT });
    expect(appelsPour("Etchart").length).toBe(appelsEtchart);
    expect(second.lus).toBe(0);
    expect(await db().quotientFamilial.count({ where: { familleId: lue.familleId } })).toBe(1);
  });
});
