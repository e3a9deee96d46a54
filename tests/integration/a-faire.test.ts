// Mon accueil's « À faire » on PostgreSQL (lib/domain/famille/a-faire.ts): what the family owes is the remainder
// of its invoices after payments and avoirs allocated, an invoice cancelled by an avoir owes nothing, another
// family's invoices are not counted; an absence declared without its justificatif waits for it until its deadline.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { aFaireDeLaFamille } from "@/lib/domain/famille/a-faire";
import { declarerAbsence } from "@/lib/domain/absence/declarer";
import { familleInscrite, preparerCommune, reserver, type Activites } from "./absence-fixtures";
import { facture, familleValidee } from "./paiement-fixtures";

const NOW = new Date("2026-12-07T09:00:00Z");

let act: Activites;

beforeAll(async () => {
  act = await preparerCommune();
}, 120_000);

async function paye(familleId: string, factureId: string, montantCentimes: number) {
  const paiement = await db().paiement.create({
    data: { familleId, montantCentimes, mode: "CHEQUE", date: new Date("2026-11-20T00:00:00Z"), reference: factureId },
  });
  await db().affectationPaiement.create({ data: { paiementId: paiement.id, factureId, montantCentimes } });
}

describe("« À faire »: the amount due", () => {
  it("sums what remains of each invoice, not cancelled ones nor another family's", async () => {
    const famille = await familleValidee("Afaire");
    const autre = await familleValidee("Ailleurs");
    expect(await aFaireDeLaFamille(famille.familleId, famille.usager.id, NOW)).toEqual({
      resteCentimes: 0,
      absencesAJustifier: [],
    });

    const partielle = await facture(famille.familleId, 4250, "2026-12-10");
    await paye(famille.familleId, partielle.id, 1000);
    const payee = await facture(famille.familleId, 1800, "2026-11-10");
    await paye(famille.familleId, payee.id, 1800);
    // a payment over the amount leaves nothing to pay, never a negative remainder that would lower the others
    const tropPayee = await facture(famille.familleId, 500, "2026-10-10");
    await paye(famille.familleId, tropPayee.id, 700);
    const annulee = await facture(famille.familleId, 9900, "2026-09-10");
    await db().avoir.create({
      data: {
        numero: `AV-TEST-${annulee.sequence}`,
        serie: "AV-TEST",
        annee: 2026,
        sequence: annulee.sequence,
        familleId: famille.familleId,
        factureId: annulee.id,
        montantCentimes: 9900,
        motif: "Facture émise par erreur",
        emisLe: new Date("2026-12-01T00:00:00Z"),
      },
    });
    const nouvelle = await facture(famille.familleId, 1310, "2027-01-10");
    await facture(autre.familleId, 7777, "2026-12-10");

    const { resteCentimes } = await aFaireDeLaFamille(famille.familleId, famille.usager.id, NOW);
    expect(resteCentimes).toBe(4250 - 1000 + nouvelle.totalCentimes);
  });
});

describe("« À faire »: the absences to justify", () => {
  it("lists this parent's absences whose justificatif is awaited, until its deadline", async () => {
    const f = await familleInscrite("Justificatif", [act.cantine.id]);
    await reserver(f, 0, act.cantine.classique, "2026-10-05", "2026-10-09");
    const declaree = new Date("2026-10-02T08:00:00Z");
    const { numero } = await declarerAbsence({
      usagerId: f.usager.id,
      enfantId: f.enfantId,
      debut: "2026-10-05",
      fin: "2026-10-06",
      motif: "MALADIE",
      now: declaree,
    });
    expect(await aFaireDeLaFamille(f.familleId, f.usager.id, declaree)).toEqual({
      resteCentimes: 0,
      absencesAJustifier: [{ enfantId: f.enfantId, numero }],
    });
    const { justificatifAvant } = await db().absence.findFirstOrThrow({ where: { demande: { numero } } });
    const apres = new Date(justificatifAvant.getTime() + 1000);
    expect((await aFaireDeLaFamille(f.familleId, f.usager.id, apres)).absencesAJustifier).toEqual([]);
  });
});
