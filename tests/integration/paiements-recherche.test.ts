// The agents' Paiements on PostgreSQL: finding a family at the counter by a name (a parent's or a child's, accents
// and case aside), its clé enfance or the number of one of its invoices as written on the back of a cheque, with its
// balance; then a payment recorded from the invoice itself (that invoice first, the rest to the oldest), and the
// checks the server makes whatever the form sent.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enregistrerPaiement } from "@/lib/domain/paiement/enregistrer";
import { formaterNumero } from "@/lib/argent/numerotation";
import { facturePourPaiement, lireNumeroFacture, rechercherFamilles, soldesDe } from "@/lib/domain/paiement/queries";
import { paiementGuichetSchema } from "@/lib/domain/paiement/schemas";
import { parseForm } from "@/lib/forms";
import { seedCommune } from "@/prisma/seed";
import { agent } from "./demande-fixtures";
import { facture, familleValidee } from "./paiement-fixtures";

const NOW = new Date("2026-12-07T09:00:00Z");
let agentId: string;

beforeAll(async () => {
  await seedCommune();
  agentId = (await agent("Guichet")).id;
}, 60_000);

const affectations = (paiementId: string) =>
  db()
    .affectationPaiement.findMany({ where: { paiementId }, include: { facture: { select: { numero: true } } } })
    .then((rows) => Object.fromEntries(rows.map((r) => [r.facture.numero, r.montantCentimes])));

/** An invoice numbered as the invoicing run numbers them (six digits), due on `echeance`. */
async function factureNumerotee(familleId: string, sequence: number, totalCentimes: number, echeance: string) {
  const f = await facture(familleId, totalCentimes, echeance);
  return db().facture.update({
    where: { id: f.id },
    data: { numero: formaterNumero("FA", 2026, sequence), annee: 2026, sequence },
  });
}

describe("finding a family at the counter", () => {
  it("by a parent's or a child's name, whatever the accents and the case, each word a part of some name", async () => {
    const a = await familleValidee("Etxeberría");
    const b = await familleValidee("Etxeberri");
    const autre = await familleValidee("Larralde");
    await db().enfant.update({ where: { id: a.enfantId }, data: { prenoms: "Éloïse Maïté" } });

    const ids = async (q: string) => (await rechercherFamilles(q)).map((f) => f.id).sort();
    expect(await ids("etxeberria")).toEqual([a.familleId]);
    expect(await ids("ETXEBERRÍA")).toEqual([a.familleId]);
    expect(await ids("etxeberri")).toEqual([a.familleId, b.familleId].sort());
    // a child's first name alone, or with the family name, without its accents
    expect(await ids("eloise")).toEqual([a.familleId]);
    expect(await ids("  Maite  etxeberria ")).toEqual([a.familleId]);
    expect(await ids("eloise larralde")).toEqual([]);
    expect(await ids("larralde")).toEqual([autre.familleId]);
    expect(await ids("")).toEqual([]);

    const [trouvee] = await rechercherFamilles("éloïse");
    expect(trouvee).toMatchObject({
      nom: expect.stringMatching(/^ETXEBERRÍA /),
      cleEnfance: a.cleEnfance,
      enfants: ["Éloïse Maïté ETXEBERRÍA"],
      soldeCentimes: 0,
      facture: null,
    });
  });

  it("by clé enfance, typed in lower case and without its dash", async () => {
    const f = await familleValidee("Irissarry");
    const [trouvee, ...reste] = await rechercherFamilles(f.cleEnfance.toLowerCase().replace("-", ""));
    expect(trouvee?.id).toBe(f.familleId);
    expect(reste.map((r) => r.id)).not.toContain(f.familleId);
  });

  it("by an invoice number in any of its written forms, that invoice first with what it still owes; with the balance", async () => {
    const f = await familleValidee("Ossès");
    const ancienne = await factureNumerotee(f.familleId, 123, 4845, "2026-11-15");
    await factureNumerotee(f.familleId, 124, 3000, "2026-12-15");
    await enregistrerPaiement({
      agentId,
      pour: { familleId: f.familleId },
      mode: "CHEQUE",
      montantCentimes: 2000,
      date: "2026-12-01",
      reference: "CHQ-OSSES",
      now: NOW,
    });
    for (const saisie of ["FA-2026-000123", "fa2026000123", "FA 2026 000123", "fa-2026-123", "2026-000123"]) {
      expect(lireNumeroFacture(saisie)).toBe("FA-2026-000123");
      const [trouvee] = await rechercherFamilles(saisie);
      expect(trouvee).toMatchObject({
        id: f.familleId,
        facture: { numero: ancienne.numero, resteCentimes: 2845 },
        soldeCentimes: 4845 + 3000 - 2000,
      });
    }
    expect(lireNumeroFacture("Ossès")).toBeNull();
    expect(await rechercherFamilles("FA-2026-999999")).toEqual([]);
    expect((await soldesDe([f.familleId])).get(f.familleId)).toEqual({
      factureCentimes: 7845,
      avoirCentimes: 0,
      payeCentimes: 2000,
      soldeCentimes: 5845,
    });
  });
});

describe("a payment recorded from the invoice itself", () => {
  it("pays that invoice first, then the oldest; the form opens with what the invoice still owes", async () => {
    const f = await familleValidee("Bidarray");
    const septembre = await facture(f.familleId, 3000, "2026-10-15");
    const octobre = await facture(f.familleId, 4000, "2026-11-15");
    const novembre = await facture(f.familleId, 2500, "2026-12-15");
    expect(await facturePourPaiement(octobre.numero)).toMatchObject({ numero: octobre.numero, resteCentimes: 4000 });

    const { id } = await enregistrerPaiement({
      agentId,
      pour: { facture: octobre.numero },
      mode: "CHEQUE",
      montantCentimes: 5000,
      date: "2026-12-07",
      reference: "7654321",
      now: NOW,
    });
    expect(await affectations(id)).toEqual({ [octobre.numero]: 4000, [septembre.numero]: 1000 });
    expect(await facturePourPaiement(octobre.numero)).toMatchObject({ resteCentimes: 0 });

    // less than the invoice owes: all of it to that invoice, even though an older one is still open
    const { id: second } = await enregistrerPaiement({
      agentId,
      pour: { facture: novembre.numero },
      mode: "ESPECES",
      montantCentimes: 1000,
      date: "2026-12-06",
      now: NOW,
    });
    expect(await affectations(second)).toEqual({ [novembre.numero]: 1000 });
    const paiement = await db().paiement.findUniqueOrThrow({ where: { id } });
    expect(paiement).toMatchObject({ familleId: f.familleId, parAgentId: agentId, reference: "7654321" });
  });

  it("refuses, beside its field and with nothing written, a future date, a cheque without its number, no amount, an unknown invoice", async () => {
    const f = await familleValidee("Baigorri");
    const fa = await facture(f.familleId, 3000, "2026-12-15");
    const base = {
      agentId,
      pour: { facture: fa.numero },
      mode: "CHEQUE" as const,
      montantCentimes: 3000,
      date: "2026-12-07",
      reference: "111",
      now: NOW,
    };
    await expect(enregistrerPaiement({ ...base, date: "2026-12-08" })).rejects.toMatchObject({ field: "date" });
    await expect(enregistrerPaiement({ ...base, reference: " " })).rejects.toMatchObject({ field: "reference" });
    await expect(enregistrerPaiement({ ...base, montantCentimes: 0 })).rejects.toMatchObject({ field: "montant" });
    await expect(enregistrerPaiement({ ...base, pour: { facture: "FA-2026-999998" } })).rejects.toMatchObject({
      code: "facture",
    });
    await expect(
      enregistrerPaiement({ ...base, pour: { familleId: "00000000-0000-4000-8000-000000000000" } }),
    ).rejects.toMatchObject({ code: "famille" });
    expect(await db().paiement.count({ where: { familleId: f.familleId } })).toBe(0);

    // the form's own reading: each message beside its field
    const lu = parseForm(paiementGuichetSchema, { facture: fa.numero, mode: "CHEQUE", montant: "0", date: "hier" });
    expect(lu).toMatchObject({
      success: false,
      errors: {
        montant: "Indiquez un montant en euros, par exemple 42,50.",
        date: "Indiquez la date de réception (JJ/MM/AAAA).",
      },
    });
    const sansNumero = parseForm(paiementGuichetSchema, {
      facture: fa.numero,
      mode: "CHEQUE",
      montant: "30",
      date: "2026-12-07",
    });
    expect(sansNumero).toMatchObject({ success: false, errors: { reference: "Indiquez le numéro du chèque." } });
    const sansFamille = parseForm(paiementGuichetSchema, { mode: "ESPECES", montant: "30", date: "2026-12-07" });
    expect(sansFamille).toMatchObject({
      success: false,
      errors: { cleEnfance: "Indiquez la clé enfance de la famille." },
    });
  });
});
