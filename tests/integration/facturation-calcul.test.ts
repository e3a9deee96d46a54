// Facturation on PostgreSQL, the amounts: rounding identical to round(numeric), a line exactly quantity × unit
// price, bracket validation and the taux d'effort, and which days are billed (the states of a booking, a child
// present without booking). The month's run is in facturation-mois.test.ts, what follows the invoice in
// facturation-apres.test.ts; the seeded world in facturation-fixtures.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { arrondirCentimes, Decimal } from "@/lib/argent/argent";
import { facturerMois } from "@/lib/domain/facturation/executer";
import { saisirQuotient } from "@/lib/domain/facturation/quotient";
import { enregistrerTarif, tarifDeLUnite } from "@/lib/domain/facturation/tarifs";
import { creerFoyers } from "@/prisma/demo-facturation";
import {
  agentId,
  anneeId,
  cantine,
  garderie,
  lignesDe,
  OCTOBRE,
  preparerFacturation,
  reserver,
} from "./facturation-fixtures";

beforeAll(preparerFacturation, 120_000);

describe("money", () => {
  it("rounds each billed unit exactly as PostgreSQL's round(numeric): half away from zero", async () => {
    const valeurs = [
      "0.5",
      "1.5",
      "2.5",
      "-0.5",
      "-2.5",
      "415.5",
      "415.49",
      "415.51",
      "137.5",
      "137.4999",
      "0.4999",
      "99.995",
      "312.125",
      "1.005",
      "-1.005",
      "250.5",
      "1234567.5",
      "0",
      "42",
      // taux d'effort products: 0.385 % × QF 1 001 €, 0.4237 % × QF 873 €
      new Decimal("0.385").times(1001).toString(),
      new Decimal("0.4237").times(873).toString(),
    ];
    const lignes = await db().$queryRawUnsafe<{ v: string; r: string }[]>(
      `SELECT v::text AS v, round(v)::text AS r FROM unnest($1::numeric[]) AS v`,
      valeurs,
    );
    expect(lignes).toHaveLength(valeurs.length);
    for (const { v, r } of lignes) expect([v, arrondirCentimes(v)]).toEqual([v, Number(r)]);
  });

  it("a line is quantity × unit price exactly; the total is the sum of the lines", async () => {
    const [foyer] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [garderie.id], nom: "Larre" });
    await saisirQuotient({
      familleId: foyer!.familleId,
      agentId,
      data: { valeur: 800, du: "2026-09-01", source: "CAF" },
    });
    await reserver([foyer!], [{ activiteId: garderie.id, uniteId: garderie.matin }], "2026-09-01", "2026-09-30");
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    const [ligne] = await lignesDe(foyer!.familleId);
    // 1,375 € → 138 cents per morning, rounded once per unit, then × the number of mornings
    expect(ligne!.prixUnitaireCentimes).toBe(138);
    expect(ligne!.quantite).toBe(17);
    expect(ligne!.montantCentimes).toBe(17 * 138);
    const facture = await db().facture.findFirstOrThrow({ where: { familleId: foyer!.familleId } });
    expect(facture.totalCentimes).toBe(17 * 138);
    expect(facture.quotient).toBe(800);
  });
});

describe("tariffs", () => {
  it("refuses brackets with a gap or an overlap, in French beside the field, and keeps the grid as it was", async () => {
    const avant = await tarifDeLUnite(garderie.soir, anneeId);
    const trou = await enregistrerTarif({
      uniteId: garderie.soir,
      anneeId,
      agentId,
      saisie: { mode: "TRANCHES", qfMin0: "0", qfMax0: "700", prix0: "1,60", qfMin1: "750", qfMax1: "", prix1: "2" },
    });
    expect(trou).toEqual({
      ok: false,
      errors: { qfMin1: "Trou entre 700 € et 750 € : cette tranche doit commencer à 700 €." },
    });
    const chevauchement = await enregistrerTarif({
      uniteId: garderie.soir,
      anneeId,
      agentId,
      saisie: { mode: "TRANCHES", qfMin0: "0", qfMax0: "700", prix0: "1,60", qfMin1: "650", qfMax1: "", prix1: "2" },
    });
    expect(chevauchement).toEqual({
      ok: false,
      errors: { qfMin1: "Cette tranche chevauche la tranche qui commence à 0 €." },
    });
    expect(await tarifDeLUnite(garderie.soir, anneeId)).toEqual(avant);
  });

  it("saves a taux d'effort with its bounds, and brackets replaced as a whole", async () => {
    const unite = await db().unite.findFirstOrThrow({
      where: { activite: { code: "GARDERIE_PRIVEE" } },
      orderBy: { ordre: "desc" },
    });
    expect(
      await enregistrerTarif({
        uniteId: unite.id,
        anneeId,
        agentId,
        saisie: { mode: "TAUX_EFFORT", taux: "0,21", min: "0,90", max: "2,80" },
      }),
    ).toEqual({ ok: true });
    const tarif = await tarifDeLUnite(unite.id, anneeId);
    expect(tarif).toMatchObject({ mode: "TAUX_EFFORT", tranches: [] });
    expect(tarif!.tauxEffort!.toString()).toBe("0.21");
    expect(tarif!.maxCentimes!.toString()).toBe("280");
  });
});

describe("which days are billed", () => {
  it("booked days, unjustified absences and a child present without booking (with the supplement); never a justified absence, a day not run nor a cancelled one", async () => {
    const [foyer] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "Etats" });
    const enfantId = foyer!.enfants[0]!.enfantId;
    await reserver([foyer!], [{ activiteId: cantine.id, uniteId: cantine.classique }], "2027-03-01", "2027-03-31");
    const jours = await db().reservation.findMany({
      where: { enfantId },
      orderBy: { date: "asc" },
      include: { jour: true },
    });
    expect(jours.length).toBeGreaterThan(8);
    const etats = [
      "ABSENCE_INJUSTIFIEE",
      "ABSENCE_JUSTIFIEE",
      "NON_ASSURE",
      "ANNULEE",
      "ABSENCE_SIGNALEE",
      "ATTENTE",
    ] as const;
    for (const [i, statut] of etats.entries()) {
      await db().reservation.update({ where: { id: jours[i]!.id }, data: { statut } });
    }
    // the cancelled day, the child came all the same
    await db().pointage.create({
      data: {
        enfantId,
        uniteId: cantine.classique,
        lieuId: jours[3]!.jour.lieuId,
        date: jours[3]!.date,
        etat: "PRESENT_SANS_RESERVATION",
        parAgentId: agentId,
        marqueLe: new Date("2027-03-04T11:30:00Z"),
      },
    });
    const tarif = await db().tarif.findFirstOrThrow({ where: { uniteId: cantine.classique, anneeId } });
    await db().tarif.update({ where: { id: tarif.id }, data: { majorationCentimes: 100 } });
    try {
      await facturerMois({ mois: "2027-03", now: new Date("2027-04-01T08:00:00Z") });
    } finally {
      await db().tarif.update({ where: { id: tarif.id }, data: { majorationCentimes: tarif.majorationCentimes } });
    }
    const lignes = (await lignesDe(foyer!.familleId, "2027-03-01")).sort(
      (a, b) => a.prixUnitaireCentimes - b.prixUnitaireCentimes,
    );
    // the booked days left and the unjustified absence at the price; the day without booking 1 € more
    expect(lignes.map((l) => l.quantite)).toEqual([jours.length - etats.length + 1, 1]);
    expect(lignes[1]!.prixUnitaireCentimes - lignes[0]!.prixUnitaireCentimes).toBe(100);
  });
});
