// The family account on PostgreSQL: a cheque larger than what is due pays the oldest invoices and the rest is the
// family's credit; the next invoice emitted is paid by that credit at once (the account shows the deduction and
// what is left to pay); an avoir de régularisation pays the oldest open invoice; a cancelled paid invoice's money
// becomes credit; the balance is invoices − avoirs − payments on a mixed history; two cheques at once never pay
// the same euro twice; a parent reaches only their own household's account.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { emettreAvoir } from "@/lib/domain/facturation/avoir";
import { facturerMois } from "@/lib/domain/facturation/executer";
import { appliquerCredits, compteFamille, famillesDuParent } from "@/lib/domain/paiement/compte";
import { enregistrerPaiement } from "@/lib/domain/paiement/enregistrer";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { creerFoyers, reserverJours, seedTarifs } from "@/prisma/demo-facturation";
import { agent, usagerActive } from "./demande-fixtures";
import { facture, familleValidee } from "./paiement-fixtures";

const NOW = new Date("2026-11-20T09:00:00Z");
let agentId: string;
let garderie: { id: number; matin: number; soir: number };

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  await seedTarifs();
  const g = await db().activite.findUniqueOrThrow({
    where: { code: "GARDERIE_PUBLIQUE" },
    include: { unites: { orderBy: { ordre: "asc" } } },
  });
  garderie = { id: g.id, matin: g.unites[0]!.id, soir: g.unites[1]!.id };
  agentId = (await agent("Regisseur", { permissions: ["FACTURATION"] })).id;
}, 120_000);

const cheque = (familleId: string, montantCentimes: number, reference: string, date = "2026-11-18") =>
  enregistrerPaiement({
    agentId,
    pour: { familleId },
    now: NOW,
    mode: "CHEQUE",
    montantCentimes,
    date,
    reference,
  });

const affectations = (paiementId: string) =>
  db()
    .affectationPaiement.findMany({ where: { paiementId }, include: { facture: { select: { numero: true } } } })
    .then((rows) => Object.fromEntries(rows.map((r) => [r.facture.numero, r.montantCentimes])));

/** An avoir de régularisation of `montant` (a day credited back after its invoice), as the facturation writes it. */
const avoirDeRegularisation = (familleId: string, montantCentimes: number, sequence: number) =>
  db().avoir.create({
    data: {
      numero: `AV-2026-${String(sequence).padStart(6, "0")}`,
      serie: "AV",
      annee: 2026,
      sequence,
      familleId,
      montantCentimes,
      motif: "Absence justifiée",
      emisLe: new Date("2026-11-10T00:00:00Z"),
    },
  });

describe("the family account", () => {
  it("a cheque larger than what is due pays it, the rest is credit; the next invoice is paid by it at once", async () => {
    const parent = await usagerActive("Goyhetche");
    const [foyer] = await creerFoyers({
      nombre: 1,
      enfantsParFoyer: 1,
      activiteIds: [garderie.id],
      nom: "Goyhetche",
      usagerIds: [parent.id],
    });
    const familleId = foyer!.familleId;
    const reserver = (du: string, au: string) =>
      reserverJours(
        [garderie.matin, garderie.soir].map((uniteId) => ({
          enfantId: foyer!.enfants[0]!.enfantId,
          familleId,
          inscriptionId: foyer!.enfants[0]!.inscriptions.get(garderie.id)!,
          uniteId,
          du,
          au,
        })),
      );
    await reserver("2026-09-01", "2026-09-30");
    await facturerMois({ mois: "2026-09", now: new Date("2026-10-01T08:00:00Z") });
    const septembre = await db().facture.findFirstOrThrow({ where: { familleId } });

    // what is due, and 20 € more
    const { id: paiementId } = await cheque(familleId, septembre.totalCentimes + 2000, "7001", "2026-10-20");
    expect(await affectations(paiementId)).toEqual({ [septembre.numero]: septembre.totalCentimes });
    const apresCheque = await compteFamille(familleId, NOW);
    expect(apresCheque.soldeCentimes).toBe(-2000);
    expect(apresCheque.factures[0]).toMatchObject({ numero: septembre.numero, etat: "PAYEE", resteCentimes: 0 });

    // October is billed on 1 November: the 20 € pay it at once
    await reserver("2026-10-01", "2026-10-31");
    await facturerMois({ mois: "2026-10", now: new Date("2026-11-01T08:00:00Z") });
    const octobre = await db().facture.findFirstOrThrow({
      where: { familleId, periodeDebut: new Date("2026-10-01T00:00:00Z") },
    });
    expect(octobre.totalCentimes).toBeGreaterThan(2000);
    expect(await affectations(paiementId)).toEqual({
      [septembre.numero]: septembre.totalCentimes,
      [octobre.numero]: 2000,
    });
    const compte = await compteFamille(familleId, NOW);
    expect(compte.soldeCentimes).toBe(octobre.totalCentimes - 2000);
    expect(compte.factures[0]).toMatchObject({
      numero: octobre.numero,
      deduitCentimes: 2000,
      payeCentimes: 2000,
      resteCentimes: octobre.totalCentimes - 2000,
      etat: "A_PAYER",
    });
    // the earlier invoice was paid by money received after it: nothing « déduit » there
    expect(compte.factures[1]).toMatchObject({ numero: septembre.numero, deduitCentimes: 0 });
    // newest first: the October invoice, the cheque, the September invoice
    expect(compte.mouvements.map((m) => m.genre)).toEqual(["facture", "paiement", "facture"]);
    expect(compte.mouvements[1]).toMatchObject({
      genre: "paiement",
      mode: "CHEQUE",
      reference: "7001",
      montantCentimes: septembre.totalCentimes + 2000,
      factures: expect.arrayContaining([{ numero: octobre.numero, montantCentimes: 2000 }]),
    });

    // the parent reaches this household's account; another parent does not
    expect(await famillesDuParent(parent.id)).toEqual([{ id: familleId, nom: expect.stringContaining("GOYHETCHE") }]);
    const autre = await usagerActive("Sallaberry");
    expect(await famillesDuParent(autre.id)).toEqual([]);
  });

  it("an avoir de régularisation pays the oldest open invoice; what is left of it stays as credit", async () => {
    const f = await familleValidee("Iriarte");
    const ancienne = await facture(f.familleId, 1200, "2026-10-15");
    const recente = await facture(f.familleId, 3000, "2026-11-15");
    const avoir = await avoirDeRegularisation(f.familleId, 2000, 900001);
    await db().$transaction((tx) => appliquerCredits(tx, [f.familleId]));
    const parts = await db().affectationAvoir.findMany({ where: { avoirId: avoir.id } });
    expect(Object.fromEntries(parts.map((p) => [p.factureId, p.montantCentimes]))).toEqual({
      [ancienne.id]: 1200,
      [recente.id]: 800,
    });
    const compte = await compteFamille(f.familleId, NOW);
    expect(compte.soldeCentimes).toBe(1200 + 3000 - 2000);
    expect(compte.factures.find((x) => x.numero === ancienne.numero)).toMatchObject({ etat: "PAYEE" });
    expect(compte.factures.find((x) => x.numero === recente.numero)).toMatchObject({
      resteCentimes: 2200,
      deduitCentimes: 800,
    });
    expect(compte.mouvements.find((m) => m.genre === "avoir")).toMatchObject({
      numero: avoir.numero,
      motif: "Absence justifiée",
      montantCentimes: 2000,
      factureAnnulee: null,
    });
    // applied again, nothing moves: every euro is used once
    await db().$transaction((tx) => appliquerCredits(tx, [f.familleId]));
    expect(await db().affectationAvoir.count({ where: { avoirId: avoir.id } })).toBe(2);
  });

  it("a cancelled paid invoice: its payment pays the family's other invoice, the rest is credit", async () => {
    const f = await familleValidee("Harispe");
    const annulee = await facture(f.familleId, 3000, "2026-10-15");
    const { id: paiementId } = await cheque(f.familleId, 3000, "7002");
    expect(await affectations(paiementId)).toEqual({ [annulee.numero]: 3000 });
    const suivante = await facture(f.familleId, 1000, "2026-11-15");

    await emettreAvoir({ numero: annulee.numero, motif: "Facturée par erreur", agentId, now: NOW });
    expect(await affectations(paiementId)).toEqual({ [suivante.numero]: 1000 });
    const compte = await compteFamille(f.familleId, NOW);
    expect(compte.soldeCentimes).toBe(-2000);
    expect(compte.factures.find((x) => x.numero === annulee.numero)).toMatchObject({ etat: "ANNULEE" });
    expect(compte.factures.find((x) => x.numero === suivante.numero)).toMatchObject({ etat: "PAYEE" });
    expect(compte.mouvements.find((m) => m.genre === "avoir")).toMatchObject({ factureAnnulee: annulee.numero });
  });

  it("the balance is invoices − avoirs − payments on a mixed history", async () => {
    const f = await familleValidee("Mendiondo");
    await facture(f.familleId, 4250, "2026-10-15");
    const annulee = await facture(f.familleId, 3000, "2026-11-15");
    await facture(f.familleId, 1800, "2026-12-15");
    await emettreAvoir({ numero: annulee.numero, motif: "Doublon", agentId, now: NOW });
    await avoirDeRegularisation(f.familleId, 500, 900002);
    await db().$transaction((tx) => appliquerCredits(tx, [f.familleId]));
    await cheque(f.familleId, 2000, "7003");
    await enregistrerPaiement({
      agentId,
      pour: { familleId: f.familleId },
      now: NOW,
      mode: "ESPECES",
      montantCentimes: 1000,
      date: "2026-11-19",
    });
    const compte = await compteFamille(f.familleId, NOW);
    expect(compte.soldeCentimes).toBe(4250 + 1800 - 500 - 2000 - 1000);
    // what the invoices still owe is the balance when nobody has unused credit
    expect(compte.factures.reduce((s, x) => s + x.resteCentimes, 0)).toBe(compte.soldeCentimes);
    expect(compte.mouvements).toHaveLength(3 + 2 + 2);
    const dates = compte.mouvements.map((m) => m.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("two cheques at once for one open invoice: it is paid once, the rest of both is credit", async () => {
    const f = await familleValidee("Oyhenart");
    const due = await facture(f.familleId, 2500, "2026-10-15");
    await Promise.all([cheque(f.familleId, 2000, "7004"), cheque(f.familleId, 2000, "7005")]);
    const parts = await db().affectationPaiement.findMany({ where: { factureId: due.id } });
    expect(parts.reduce((s, p) => s + p.montantCentimes, 0)).toBe(2500);
    expect((await compteFamille(f.familleId, NOW)).soldeCentimes).toBe(-1500);
  });
});
