// The month's reconciliation on PostgreSQL, on a known history spanning October to December 2026 (this file has
// its database to itself, so every figure is the history's own): each figure of November checked, their identity
// (balance at the start + invoiced − avoirs − cashed = balance at the end), the month under way stopped at today,
// and the régisseur's CSV.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enregistrerPaiement } from "@/lib/domain/paiement/enregistrer";
import { csvRapprochement } from "@/lib/domain/paiement/export";
import { moisDuRapprochement, rapprochementDuMois } from "@/lib/domain/paiement/rapprochement";
import { formaterNumero } from "@/lib/argent/numerotation";
import { seedCommune } from "@/prisma/seed";
import { agent } from "./demande-fixtures";
import { familleValidee } from "./paiement-fixtures";

const NOW = new Date("2026-12-07T09:00:00Z");
let agentId: string;
let cleA: string;
let sequence = 0;
const jour = (j: string) => new Date(`${j}T00:00:00Z`);

/** An invoice issued on `emiseLe` for the month before (or `moisAvant` months before: one per family and month). */
async function facture(familleId: string, totalCentimes: number, emiseLe: string, moisAvant = 1) {
  sequence += 1;
  const debut = new Date(Date.UTC(Number(emiseLe.slice(0, 4)), Number(emiseLe.slice(5, 7)) - 1 - moisAvant, 1));
  return db().facture.create({
    data: {
      numero: formaterNumero("FA", 2026, sequence),
      serie: "FA",
      annee: 2026,
      sequence,
      familleId,
      periodeDebut: debut,
      periodeFin: new Date(Date.UTC(debut.getUTCFullYear(), debut.getUTCMonth() + 1, 0)),
      emiseLe: jour(emiseLe),
      echeanceLe: new Date(jour(emiseLe).getTime() + 30 * 86_400_000),
      totalCentimes,
      destinataire: "Mme ETCHART Claire",
      adresse: "65 Route de Saint Pierre d'Irube 64990 Villefranque",
    },
  });
}

async function avoir(familleId: string, montantCentimes: number, emisLe: string, factureId: string | null) {
  sequence += 1;
  return db().avoir.create({
    data: {
      numero: formaterNumero("AV", 2026, sequence),
      serie: "AV",
      annee: 2026,
      sequence,
      familleId,
      factureId,
      montantCentimes,
      motif: factureId ? "Annulation" : "Régularisation",
      emisLe: jour(emisLe),
    },
  });
}

const guichet = (familleId: string, mode: "CHEQUE" | "ESPECES" | "CESU" | "VIREMENT", centimes: number, date: string) =>
  enregistrerPaiement({
    agentId,
    pour: { familleId },
    mode,
    montantCentimes: centimes,
    date,
    reference: `${mode}-${date}-${centimes}`,
    now: NOW,
  });

beforeAll(async () => {
  await seedCommune();
  agentId = (await agent("Regisseur")).id;
  const a = await familleValidee("Arcangues");
  const b = await familleValidee("Bassussarry");
  cleA = a.cleEnfance;
  // October: A is invoiced 50,00 € and pays 20,00 € by cheque
  await facture(a.familleId, 5000, "2026-10-05");
  await guichet(a.familleId, "CHEQUE", 2000, "2026-10-20");
  // November: A 48,45 € paid online; B 30,00 €, and 10,00 € cancelled by an avoir on the 10th
  const f2 = await facture(a.familleId, 4845, "2026-11-05");
  await facture(b.familleId, 3000, "2026-11-05");
  const f4 = await facture(b.familleId, 1000, "2026-11-06", 2);
  await avoir(b.familleId, 1000, "2026-11-10", f4.id);
  const payfip = await db().paiement.create({
    data: {
      familleId: a.familleId,
      montantCentimes: 4845,
      mode: "CB_PAYFIP",
      date: jour("2026-11-12"),
      reference: "IDOP-1",
    },
  });
  await db().affectationPaiement.create({ data: { paiementId: payfip.id, factureId: f2.id, montantCentimes: 4845 } });
  await guichet(a.familleId, "ESPECES", 1000, "2026-11-15"); // → October's invoice (30,00 € left, then 20,00 €)
  await guichet(b.familleId, "CHEQUE", 5000, "2026-11-20"); // → B's 30,00 €, 20,00 € of credit
  await avoir(b.familleId, 500, "2026-11-25", null); // a régularisation in B's favour, not used yet
  await guichet(a.familleId, "VIREMENT", 700, "2026-11-30"); // → October's invoice: 13,00 € left
  // December: A's transfer pays the rest of October; B's new invoice takes B's credit (as the allocation does)
  await guichet(a.familleId, "VIREMENT", 1300, "2026-12-02");
  const decembre = await facture(b.familleId, 2500, "2026-12-03");
  // a direct debit (another session's mode) of 3,00 € more than A owes: a credit, and a mode shown once it cashed
  await db().paiement.create({
    data: { familleId: a.familleId, montantCentimes: 300, mode: "PRELEVEMENT", date: jour("2026-12-05") },
  });
  const cheque = await db().paiement.findFirstOrThrow({ where: { familleId: b.familleId, mode: "CHEQUE" } });
  await db().affectationPaiement.create({
    data: { paiementId: cheque.id, factureId: decembre.id, montantCentimes: 2000 },
  });
}, 120_000);

describe("the month's reconciliation", () => {
  it("November: invoiced, avoirs, cashed by mode, still owed and credits held at its start and end", async () => {
    const r = await rapprochementDuMois("2026-11-01", NOW);
    expect(r).toEqual({
      mois: "2026-11-01",
      au: "2026-11-30",
      factures: { nombre: 3, totalCentimes: 8845 },
      avoirs: { nombre: 2, totalCentimes: 1500 },
      encaisse: [
        { mode: "CB_PAYFIP", nombre: 1, totalCentimes: 4845 },
        { mode: "CHEQUE", nombre: 1, totalCentimes: 5000 },
        { mode: "ESPECES", nombre: 1, totalCentimes: 1000 },
        { mode: "CESU", nombre: 0, totalCentimes: 0 },
        { mode: "VIREMENT", nombre: 1, totalCentimes: 700 },
      ],
      encaisseNombre: 4,
      encaisseCentimes: 11545,
      // 31 October: A owes 30,00 € of its first invoice
      debut: { resteDuCentimes: 3000, creditsCentimes: 0 },
      // 30 November: A owes 13,00 €; B holds 20,00 € of its cheque (used in December only) and its 5,00 € avoir
      fin: { resteDuCentimes: 1300, creditsCentimes: 2500 },
    });
    const solde = (c: typeof r.debut) => c.resteDuCentimes - c.creditsCentimes;
    expect(solde(r.debut) + r.factures.totalCentimes - r.avoirs.totalCentimes - r.encaisseCentimes).toBe(solde(r.fin));
  });

  it("October, then December under way, stopped at today", async () => {
    expect(await rapprochementDuMois("2026-10-01", NOW)).toMatchObject({
      factures: { nombre: 1, totalCentimes: 5000 },
      encaisseCentimes: 2000,
      debut: { resteDuCentimes: 0, creditsCentimes: 0 },
      fin: { resteDuCentimes: 3000, creditsCentimes: 0 },
    });
    const decembre = await rapprochementDuMois("2026-12-01", NOW);
    expect(decembre).toMatchObject({
      au: "2026-12-07",
      factures: { nombre: 1, totalCentimes: 2500 },
      encaisseCentimes: 1600,
      debut: { resteDuCentimes: 1300, creditsCentimes: 2500 },
      // B's credit paid 20,00 € of its December invoice (5,00 € left); its avoir, here left unused, is still held,
      // and A's debit beyond what it owed
      fin: { resteDuCentimes: 500, creditsCentimes: 800 },
    });
    expect(decembre.encaisse.map((e) => [e.mode, e.totalCentimes])).toEqual([
      ["CB_PAYFIP", 0],
      ["CHEQUE", 0],
      ["ESPECES", 0],
      ["CESU", 0],
      ["VIREMENT", 1300],
      ["PRELEVEMENT", 300],
    ]);
    // the month asked for: the last month over unless a month begun is asked for
    expect(moisDuRapprochement(undefined, NOW)).toBe("2026-11-01");
    expect(moisDuRapprochement("2026-12", NOW)).toBe("2026-12-01");
    expect(moisDuRapprochement("2027-01", NOW)).toBe("2026-11-01");
    expect(moisDuRapprochement("2026-13", NOW)).toBe("2026-11-01");
    expect(moisDuRapprochement("2026-03", NOW)).toBe("2026-03-01");
  });

  it("the régisseur's CSV: BOM, semicolons, amounts as 48,45, then the month's payments one by one", async () => {
    const csv = await csvRapprochement("2026-11-01", NOW);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lignes = csv.slice(1).split("\r\n");
    expect(lignes.slice(0, 13)).toEqual([
      "Rubrique;Nombre;Montant",
      "Reste dû sur les factures au 31/10/2026;;30,00",
      "Avoirs détenus par les familles au 31/10/2026;;0,00",
      "Factures émises en novembre 2026;3;88,45",
      "Avoirs émis en novembre 2026;2;15,00",
      "Encaissé — Carte bancaire en ligne (PayFiP);1;48,45",
      "Encaissé — Chèque;1;50,00",
      "Encaissé — Espèces;1;10,00",
      "Encaissé — CESU;0;0,00",
      "Encaissé — Virement;1;7,00",
      "Encaissé — total;4;115,45",
      "Reste dû sur les factures au 30/11/2026;;13,00",
      "Avoirs détenus par les familles au 30/11/2026;;25,00",
    ]);
    expect(lignes.slice(13)).toEqual([
      "",
      "Paiements du mois;;",
      "Date;Famille (clé enfance);Mode;Référence;Montant;Reçu",
      `12/11/2026;${cleA};Carte bancaire en ligne (PayFiP);;48,45;`,
      // each payment recorded at the régie has its reçu
      expect.stringMatching(new RegExp(`^15/11/2026;${cleA};Espèces;ESPECES-2026-11-15-1000;10,00;RE-2026-\\d{6}$`)),
      expect.stringMatching(/^20\/11\/2026;[^;]+;Chèque;CHEQUE-2026-11-20-5000;50,00;RE-2026-\d{6}$/),
      expect.stringMatching(new RegExp(`^30/11/2026;${cleA};Virement;VIREMENT-2026-11-30-700;7,00;RE-2026-\\d{6}$`)),
      "",
    ]);
  });
});
