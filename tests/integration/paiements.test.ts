// The console's payments on PostgreSQL: a payment at the régie allocated oldest due date first, its allocation
// edited (and refused beyond what an invoice owes), family balances, reminders for invoices past due (one mail
// per invoice without its amount, even when two agents click at once; then the treasurer's list), the CSV exports.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enregistrerPaiement, modifierAffectation } from "@/lib/domain/paiement/enregistrer";
import { csvFactures, csvPaiements } from "@/lib/domain/paiement/export";
import { familleParCle, paiementAvecFactures, soldesDesFamilles } from "@/lib/domain/paiement/queries";
import {
  envoyerRelances,
  listeTresorier,
  relancesAFaire,
  transmettreAuTresorier,
} from "@/lib/domain/paiement/relances";
import { seedCommune } from "@/prisma/seed";
import { agent } from "./demande-fixtures";
import { facture, familleValidee } from "./paiement-fixtures";

const NOW = new Date("2026-11-20T09:00:00Z");
let agentId: string;

beforeAll(async () => {
  await seedCommune();
  agentId = (await agent("Tresor")).id;
}, 60_000);

const affectations = (paiementId: string) =>
  db()
    .affectationPaiement.findMany({ where: { paiementId }, include: { facture: { select: { numero: true } } } })
    .then((rows) => Object.fromEntries(rows.map((r) => [r.facture.numero, r.montantCentimes])));

describe("payments at the régie", () => {
  it("allocates a cheque to the oldest due invoices first; the rest stays as credit", async () => {
    const f = await familleValidee("Ainhoa");
    const septembre = await facture(f.familleId, 3000, "2026-10-15");
    const octobre = await facture(f.familleId, 4000, "2026-11-15");
    const novembre = await facture(f.familleId, 5000, "2026-12-15");
    const { id } = await enregistrerPaiement({
      agentId,
      pour: { cleEnfance: f.cleEnfance.toLowerCase().replace("-", " ") },
      now: NOW,
      mode: "CHEQUE",
      montantCentimes: 5000,
      date: "2026-11-18",
      reference: "1234567",
    });
    expect(await affectations(id)).toEqual({ [septembre.numero]: 3000, [octobre.numero]: 2000 });

    const { id: especes } = await enregistrerPaiement({
      agentId,
      pour: { cleEnfance: f.cleEnfance },
      now: NOW,
      mode: "ESPECES",
      montantCentimes: 8000,
      date: "2026-11-19",
    });
    expect(await affectations(especes)).toEqual({ [octobre.numero]: 2000, [novembre.numero]: 5000 });
    const [solde] = (await soldesDesFamilles()).filter((s) => s.famille.id === f.familleId);
    expect(solde).toMatchObject({ factureCentimes: 12000, payeCentimes: 13000, soldeCentimes: -1000 });
    expect((await familleParCle(f.cleEnfance))?.id).toBe(f.familleId);
  });

  it("an agent edits the allocation; beyond what an invoice owes or the payment's amount it is refused, nothing changed", async () => {
    const f = await familleValidee("Itxassou");
    const a = await facture(f.familleId, 3000, "2026-10-15");
    const b = await facture(f.familleId, 3000, "2026-11-15");
    const { id } = await enregistrerPaiement({
      agentId,
      pour: { cleEnfance: f.cleEnfance },
      now: NOW,
      mode: "VIREMENT",
      montantCentimes: 3000,
      date: "2026-11-18",
      reference: "VIR-ITX",
    });
    expect(await affectations(id)).toEqual({ [a.numero]: 3000 });
    await modifierAffectation({ agentId, paiementId: id, parts: { [a.id]: 1000, [b.id]: 2000 } });
    expect(await affectations(id)).toEqual({ [a.numero]: 1000, [b.numero]: 2000 });

    await expect(modifierAffectation({ agentId, paiementId: id, parts: { [b.id]: 3500 } })).rejects.toMatchObject({
      field: `facture-${b.id}`,
    });
    await expect(
      modifierAffectation({ agentId, paiementId: id, parts: { [a.id]: 2000, [b.id]: 2000 } }),
    ).rejects.toMatchObject({ code: "trop" });
    expect(await affectations(id)).toEqual({ [a.numero]: 1000, [b.numero]: 2000 });

    // another family's invoice is not an open invoice of this payment's family
    const autre = await familleValidee("Louhossoa");
    const sienne = await facture(autre.familleId, 3000, "2026-10-15");
    await expect(modifierAffectation({ agentId, paiementId: id, parts: { [sienne.id]: 1000 } })).rejects.toMatchObject({
      code: "introuvable",
    });
    const form = await paiementAvecFactures(id);
    expect(form?.factures.map((x) => [x.numero, x.ici, x.plafond])).toEqual([
      [a.numero, 1000, 3000],
      [b.numero, 2000, 3000],
    ]);
  });

  it("refuses an unknown clé enfance beside its field, and the same cheque twice", async () => {
    await expect(
      enregistrerPaiement({
        agentId,
        pour: { cleEnfance: "ZZZZ-ZZZZ" },
        mode: "CESU",
        montantCentimes: 100,
        date: "2026-11-18",
        now: NOW,
      }),
    ).rejects.toMatchObject({ field: "cleEnfance" });
    const f = await familleValidee("Espelette");
    const cheque = {
      agentId,
      pour: { cleEnfance: f.cleEnfance },
      now: NOW,
      mode: "CHEQUE" as const,
      montantCentimes: 100,
      date: "2026-11-18",
    };
    await enregistrerPaiement({ ...cheque, reference: "999" });
    await expect(enregistrerPaiement({ ...cheque, reference: "999" })).rejects.toMatchObject({ field: "reference" });
  });
});

describe("reminders", () => {
  it("one mail per invoice past due, without its amount, even when two agents click at once; then the treasurer's list", async () => {
    const f = await familleValidee("Cambo");
    const echue = await facture(f.familleId, 2750, "2026-11-10");
    const payee = await facture(f.familleId, 1000, "2026-10-05");
    const aVenir = await facture(f.familleId, 1500, "2026-12-10");
    await enregistrerPaiement({
      agentId,
      pour: { cleEnfance: f.cleEnfance },
      now: NOW,
      mode: "ESPECES",
      montantCentimes: 1000,
      date: "2026-11-01",
    });
    const { aRelancer } = await relancesAFaire(NOW);
    const ids = aRelancer.map((x) => x.id);
    expect(ids).toContain(echue.id);
    expect(ids).not.toContain(payee.id);
    expect(ids).not.toContain(aVenir.id);

    await Promise.all([envoyerRelances({ now: NOW, agentId }), envoyerRelances({ now: NOW, agentId })]);
    expect(await db().relanceFacture.count({ where: { factureId: echue.id } })).toBe(1);
    const mails = await db().outboxMail.findMany({ where: { subject: { contains: echue.numero } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe(f.usager.courriel);
    expect(mails[0]!.text).toContain("10/11/2026");
    expect(mails[0]!.text).not.toMatch(/27,50|2750|€/);

    // a week later, nothing to hand over yet; fifteen days later, it goes on the treasurer's list
    expect(await transmettreAuTresorier({ now: new Date("2026-11-27T09:00:00Z"), agentId })).toBe(0);
    const plusTard = new Date("2026-12-06T09:00:00Z");
    expect(await transmettreAuTresorier({ now: plusTard, agentId })).toBeGreaterThanOrEqual(1);
    const liste = await listeTresorier();
    expect(liste.find((x) => x.id === echue.id)).toMatchObject({ reste: 2750 });
    expect(await transmettreAuTresorier({ now: plusTard, agentId })).toBe(0);
  });
});

describe("CSV exports", () => {
  it("invoices and payments for a French Excel: BOM, semicolons, decimal commas", async () => {
    const f = await familleValidee("Sare");
    const fa = await facture(f.familleId, 12345, "2026-11-10");
    await enregistrerPaiement({
      agentId,
      pour: { cleEnfance: f.cleEnfance },
      now: NOW,
      mode: "CESU",
      montantCentimes: 2345,
      date: "2026-11-12",
      reference: "=CESU",
    });
    const factures = await csvFactures(NOW);
    expect(factures.startsWith("\uFEFFNuméro;Émise le;")).toBe(true);
    const ligne = factures.split("\r\n").find((l) => l.startsWith(fa.numero))!;
    expect(ligne).toContain(";123,45;23,45;100,00;10/11/2026;en retard;");
    const paiements = await csvPaiements();
    expect(paiements.startsWith("\uFEFFDate;Famille (clé enfance);Mode;")).toBe(true);
    const cesu = paiements.split("\r\n").find((l) => l.includes("'=CESU"))!;
    expect(cesu).toBe(`12/11/2026;${f.cleEnfance};CESU;'=CESU;23,45;23,45;0,00;${fa.numero} (23,45)`);
  });
});
