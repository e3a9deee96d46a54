// What the access matrix (tests/http/acces.test.ts) asks about and who asks: the first family with everything a
// second family must not reach (its invoice, reçu, SEPA mandate, PES bordereau…), a debit run, agents of each
// role and one given access to health data, each with a session; and the checks the matrix makes of an answer.
import { expect } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { chiffrerIban } from "@/lib/domain/prelevement/mandat";
import { seedActivites } from "@/prisma/demo-activites";
import { creerActualite } from "@/lib/domain/portail/actualites";
import { changerAccesSante } from "@/lib/domain/sante/acces-agent";
import { connecte, redirection, type Client } from "./client";
import { formaterNumero, reserverNumeros } from "@/lib/argent/numerotation";
import { factureEtPaiement } from "../integration/paiement-fixtures";
import { dossierValideAvecPai } from "../integration/sante-fixtures";
import { familleComplete, nouvelAgent } from "./fixtures";
import type { Contexte } from "./acces-table";

// ——— Who asks, and what they must get ———

/** Who asks: the first family, the second, an AGENT, an ADMIN, and an agent given access to health data. */
export type Appelants = {
  citoyen: Client;
  autreFamille: Client;
  agent: Client;
  admin: Client;
  agentSante: Client;
};

/** The rows the table names, built once by acces.test.ts's beforeAll, and a session for each caller. */
export async function preparerAcces(): Promise<{ contexte: Contexte } & Appelants> {
  await seedActivites("Villefranque");
  // the transport scolaire's page exists only when the commune names its operator
  await db().commune.updateMany({ where: { id: 1 }, data: { transportOperateur: "TXIK TXAK" } });
  const activiteId = (await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } })).id;
  const garderie = await db().activite.findUniqueOrThrow({
    where: { code: "GARDERIE_PUBLIQUE" },
    include: { unites: { orderBy: { ordre: "asc" } } },
  });
  const [a, b, agentRow, adminRow] = await Promise.all([
    familleComplete("Etchart", { activiteId, reservable: garderie.id }),
    familleComplete("Duhalde"),
    nouvelAgent("AGENT"),
    nouvelAgent("ADMIN"),
  ]);
  const agentSanteRow = await nouvelAgent("AGENT");
  await changerAccesSante({ admin: adminRow, agentId: agentSanteRow.id, accorde: true });
  // the first child's dossier santé, validated with a signed PAI (the PAI's download routes)
  await dossierValideAvecPai(a.usager.id, a.enfantId);
  const { id: actualiteId } = await creerActualite({
    agentId: adminRow.id,
    saisie: { titre: "Fermeture exceptionnelle", texte: "La cantine ferme vendredi.", statut: "PUBLIEE" },
  });
  // a booking window collecting on the garderie's first unit, its days far ahead (no booking of the matrix's)
  const { id: fenetreId } = await db().fenetreReservation.create({
    data: {
      libelle: "Garderie 2030",
      activiteId: garderie.id,
      debut: new Date("2030-09-02T00:00:00Z"),
      fin: new Date("2030-09-27T00:00:00Z"),
      ouverture: new Date("2030-06-01T06:30:00Z"),
      fermeture: new Date("2030-06-15T16:00:00Z"),
      graine: randomUUID().replaceAll("-", ""),
      unites: { create: { uniteId: garderie.unites[0]!.id } },
    },
  });
  const anneeId = (await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } })).id;
  // an invoice of the first family, written as the month's run writes one
  const numeroFacture = "FA-2026-000001";
  await db().facture.create({
    data: {
      numero: numeroFacture,
      serie: "FA",
      annee: 2026,
      sequence: 1,
      familleId: a.familleId,
      periodeDebut: new Date("2026-09-01T00:00:00Z"),
      periodeFin: new Date("2026-09-30T00:00:00Z"),
      emiseLe: new Date("2026-10-01T00:00:00Z"),
      echeanceLe: new Date("2026-10-31T00:00:00Z"),
      totalCentimes: 0,
      qfNonCommunique: true,
      destinataire: "Claire ETCHART",
      adresse: "65 Route de Saint Pierre d'Irube\n64990 Villefranque",
    },
  });
  const { factureNumero, paiementId } = await factureEtPaiement(a.familleId);
  // its reçu, numbered through the série's counter as lib/domain/paiement/recu.ts does (the http files share a
  // database: a number typed here could be one another file's payment gets)
  const recuNumero = await db().$transaction(async (tx) => {
    const numero = formaterNumero("RE", 2026, await reserverNumeros(tx, "RE", 2026, 1));
    await tx.paiement.update({ where: { id: paiementId }, data: { recuNumero: numero } });
    return numero;
  });
  // a SEPA mandate of the first family, as signer-mandat.ts writes one
  const mandatId = randomUUID();
  const { rum } = await db().mandatSepa.create({
    data: { id: mandatId, rum: "PF-ACCES-1", familleId: a.familleId, signeLe: new Date("2026-11-02T09:00:00Z") },
  });
  await db().versionMandat.create({
    data: {
      mandatId,
      numero: 1,
      ibanChiffre: chiffrerIban(mandatId, "FR7630006000011234567890189"),
      ibanFin: "0189",
      titulaire: "Claire ETCHART",
      adresse: "65 Route de Saint Pierre d'Irube, 64990 Villefranque",
      usagerId: a.usager.id,
      signeLe: new Date("2026-11-02T09:00:00Z"),
      adresseIp: "203.0.113.7",
      methode: "MOT_DE_PASSE",
      versionTexte: 1,
    },
  });
  // a debit run of the pain.008 kind (the http files share a database: its MsgId is its own)
  const { id: runId } = await db().runPrelevement.create({
    data: {
      mois: new Date("2026-11-01T00:00:00Z"),
      datePrelevement: new Date("2026-12-10T00:00:00Z"),
      transmission: "FICHIER_SEPA",
      msgId: `PRLVACCES${randomUUID().replace(/-/g, "").slice(0, 20)}`,
      nombre: 0,
      montantCentimes: 0,
      creeLe: new Date(),
    },
  });
  // a PES bordereau of the first family's invoice, its numbers through the PES counters (the http files share a
  // database), and the commune's PES settings filled so its file is served
  const reglages = { idPost: "0640001", siret: "21640557500012", codCol: "064", codBud: "00", codProdLoc: "RS" };
  await db().parametresPes.upsert({ where: { id: 1 }, create: { id: 1, ...reglages }, update: reglages });
  const bordereauId = await db().$transaction(async (tx) => {
    const numero = await reserverNumeros(tx, "PESB", 2026, 1);
    const piece = await reserverNumeros(tx, "PESP", 2026, 1);
    const facture = await tx.facture.findUniqueOrThrow({ where: { numero: factureNumero } });
    const bordereau = await tx.bordereauPes.create({
      data: {
        mois: facture.periodeDebut,
        exer: 2026,
        numero,
        nomFichier: `PES_ORMC_2026_${String(numero).padStart(5, "0")}_acces.xml`,
        nombrePieces: 1,
        montantCentimes: facture.totalCentimes,
        creeLe: new Date(),
        titres: { create: { numeroPiece: piece, factureId: facture.id } },
      },
    });
    return bordereau.id;
  });
  const contexte: Contexte = {
    a: { ...a, factureNumero },
    paiementId,
    agent: agentRow,
    admin: adminRow,
    actualiteId,
    fenetreId,
    activiteId,
    uniteId: garderie.unites[0]!.id,
    anneeId,
    numeroFacture,
    recuNumero,
    rum,
    runId,
    bordereauId,
  };
  return {
    contexte,
    citoyen: await connecte({ kind: "USAGER", usagerId: a.usager.id }),
    autreFamille: await connecte({ kind: "USAGER", usagerId: b.usager.id }),
    agent: await connecte({ kind: "AGENT", agentId: agentRow.id }),
    admin: await connecte({ kind: "AGENT", agentId: adminRow.id }),
    agentSante: await connecte({ kind: "AGENT", agentId: agentSanteRow.id }),
  };
}

/** Ids of the first family for which no row exists: what the actions answer for those is "not found". */
export const INEXISTANTS = {
  numero: 999_999_999,
  enfantId: "00000000-0000-4000-8000-00000000e4f0",
  inscriptionId: "00000000-0000-4000-8000-0000000001d5",
  inscriptionAccepteeId: "00000000-0000-4000-8000-0000000005e5",
  factureNumero: "FA-2026-999999",
};

/** An action's answer with the ids it names masked: status, redirect, and the returned value (payload row 1). */
export async function reponseMasquee(response: Response, ids: (string | number | undefined)[]): Promise<string> {
  const redirige = redirection(response);
  const valeur = redirige ? "" : (await response.text()).split("\n").filter((ligne) => ligne.startsWith("1:"));
  let texte = `${response.status} ${redirige ?? ""} ${valeur}`;
  // uuids first, then numbers as whole path segments (a demande's number may be "2")
  for (const id of ids.filter((id) => typeof id === "string")) texte = texte.replaceAll(id, "<id>");
  // (and as the form's field the caller typed, which the answer gives back as typed)
  for (const id of ids.filter((id) => typeof id === "number")) {
    texte = texte.replaceAll(`/${id}`, "/<id>").replaceAll(`"${id}"`, '"<id>"');
  }
  return texte;
}

/** A 404 of our own (the not-found page), never an action id the server does not know. */
export async function expectIntrouvable(response: Response, qui: string) {
  expect(response.status, qui).toBe(404);
  expect(response.headers.get("x-nextjs-action-not-found"), qui).toBeNull();
  const corps = await response.text();
  if (response.headers.get("content-type")?.startsWith("text/html")) expect(corps, qui).toContain("Page introuvable");
}

export async function expectRefuse(response: Response, qui: string) {
  expect(response.status, qui).toBe(403);
  if (response.headers.get("content-type")?.startsWith("text/html"))
    expect(await response.text(), qui).toContain("Accès refusé");
}

export function expectConnexion(response: Response, page: "/connexion" | "/agent/connexion", qui: string) {
  expect(redirection(response), qui).toMatch(new RegExp(`^${page}(\\?suite=|$)`));
}
