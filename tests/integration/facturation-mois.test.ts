// Facturation on PostgreSQL, the month's run: a QF change mid-month and the highest bracket without a QF, garde
// alternée, gap-free numbers under two runs at once, a re-run that changes nothing, the D1611-1 carry, a unit
// without a tariff refused. The seeded world in facturation-fixtures.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { facturerMois } from "@/lib/domain/facturation/executer";
import { saisirQuotient } from "@/lib/domain/facturation/quotient";
import { semaineIso, type Jour } from "@/lib/temps/jours";
import { creerFoyers, reserverJours } from "@/prisma/demo-facturation";
import { agentId, cantine, garderie, lignesDe, OCTOBRE, preparerFacturation, reserver } from "./facturation-fixtures";

beforeAll(preparerFacturation, 120_000);

describe("the month's invoicing", () => {
  it("a QF change mid-month is billed on the right days; without a QF the highest bracket, said on the invoice", async () => {
    const [avecQf, sansQf] = await creerFoyers({
      nombre: 2,
      enfantsParFoyer: 1,
      activiteIds: [cantine.id],
      nom: "Irigoyen",
    });
    await saisirQuotient({
      familleId: avecQf!.familleId,
      agentId,
      data: { valeur: 500, du: "2026-01-01", source: "CAF" },
    });
    await saisirQuotient({
      familleId: avecQf!.familleId,
      agentId,
      data: { valeur: 1000, du: "2026-09-16", source: "AGENT" },
    });
    await reserver(
      [avecQf!, sansQf!],
      [{ activiteId: cantine.id, uniteId: cantine.classique }],
      "2026-09-01",
      "2026-09-30",
    );
    await facturerMois({ mois: "2026-09", now: OCTOBRE });

    // 1–15 September: 9 days (Tue 1, Thu 3, Fri 4, Mon 7, Tue 8, Thu 10, Fri 11, Mon 14, Tue 15) at 2,10 €;
    // from the 16th: 8 days at 3,45 €
    expect(
      (await lignesDe(avecQf!.familleId)).map((l) => [
        l.quantite,
        l.prixUnitaireCentimes,
        l.montantCentimes,
        l.quotient,
      ]),
    ).toEqual([
      [9, 210, 1890, 500],
      [8, 345, 2760, 1000],
    ]);
    const facture = await db().facture.findFirstOrThrow({ where: { familleId: avecQf!.familleId } });
    expect([facture.totalCentimes, facture.quotient, facture.qfNonCommunique]).toEqual([4650, 1000, false]);

    expect((await lignesDe(sansQf!.familleId)).map((l) => [l.quantite, l.prixUnitaireCentimes])).toEqual([[17, 415]]);
    const sans = await db().facture.findFirstOrThrow({ where: { familleId: sansQf!.familleId } });
    expect([sans.quotient, sans.qfNonCommunique]).toEqual([null, true]);
  });

  it("garde alternée: each household gets its own invoice, for the days it booked", async () => {
    const [mere] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [cantine.id], nom: "Sorhaindo" });
    const enfantId = mere!.enfants[0]!.enfantId;
    const [pere] = await creerFoyers({
      nombre: 1,
      enfantsParFoyer: 0,
      activiteIds: [cantine.id],
      nom: "Sorhaindo père",
      enfantsPartages: [enfantId],
    });
    const paire = (j: Jour) => semaineIso(j) % 2 === 0;
    await reserverJours([
      {
        enfantId,
        familleId: mere!.familleId,
        inscriptionId: mere!.enfants[0]!.inscriptions.get(cantine.id)!,
        uniteId: cantine.classique,
        du: "2026-09-01",
        au: "2026-09-30",
        filtre: paire,
      },
      {
        enfantId,
        familleId: pere!.familleId,
        inscriptionId: pere!.enfants[0]!.inscriptions.get(cantine.id)!,
        uniteId: cantine.classique,
        du: "2026-09-01",
        au: "2026-09-30",
        filtre: (j) => !paire(j),
      },
    ]);
    await facturerMois({ mois: "2026-09", now: OCTOBRE });
    const [lm, lp] = [await lignesDe(mere!.familleId), await lignesDe(pere!.familleId)];
    // weeks 36 and 38 (even: 1–4 and 14–18 September… ) for the mother, 37 and 39–40 for the father
    const joursPairs = await db().reservation.count({ where: { familleId: mere!.familleId } });
    const joursImpairs = await db().reservation.count({ where: { familleId: pere!.familleId } });
    expect(joursPairs + joursImpairs).toBe(17);
    expect(lm.map((l) => [l.enfantId, l.quantite])).toEqual([[enfantId, joursPairs]]);
    expect(lp.map((l) => [l.enfantId, l.quantite])).toEqual([[enfantId, joursImpairs]]);
    expect(await db().facture.count({ where: { familleId: { in: [mere!.familleId, pere!.familleId] } } })).toBe(2);
  });

  it("two runs at once: one invoice per family, numbers gap-free; a re-run then changes nothing", async () => {
    const foyers = await creerFoyers({
      nombre: 40,
      enfantsParFoyer: 2,
      activiteIds: [cantine.id, garderie.id],
      nom: "Concurrent",
    });
    await reserver(
      foyers,
      [
        { activiteId: cantine.id, uniteId: cantine.classique },
        { activiteId: garderie.id, uniteId: garderie.soir },
      ],
      "2026-10-01",
      "2026-10-31",
    );
    const NOVEMBRE = new Date("2026-11-02T08:00:00Z");
    const runs = await Promise.all([
      facturerMois({ mois: "2026-10", now: NOVEMBRE }),
      facturerMois({ mois: "2026-10", now: NOVEMBRE }),
    ]);
    expect(runs.map((r) => r.statut)).toEqual(["TERMINE", "TERMINE"]);
    expect(runs[0]!.factures + runs[1]!.factures).toBe(40);
    const factures = await db().facture.findMany({ where: { annee: 2026, serie: "FA" }, orderBy: { sequence: "asc" } });
    // every 2026 invoice of every test so far: 1, 2, 3 … without a hole
    expect(factures.map((f) => f.sequence)).toEqual(factures.map((_, i) => i + 1));
    expect(new Set(factures.map((f) => f.numero)).size).toBe(factures.length);
    const octobre = factures.filter((f) => f.periodeDebut.toISOString().startsWith("2026-10"));
    expect(octobre).toHaveLength(40);
    expect(new Set(octobre.map((f) => f.familleId)).size).toBe(40);
    expect(octobre[0]!.numero).toMatch(/^FA-2026-\d{6}$/);
    expect(octobre[0]!.echeanceLe.toISOString().slice(0, 10)).toBe("2026-12-02");

    const avant = {
      factures: await db().facture.count(),
      lignes: await db().ligneFacture.count(),
      mails: await db().outboxMail.count(),
      compteur: await db().compteurNumero.findMany(),
    };
    const encore = await facturerMois({ mois: "2026-10", now: new Date("2026-11-05T08:00:00Z") });
    expect([encore.statut, encore.familles, encore.traitees, encore.factures]).toEqual(["TERMINE", 40, 40, 0]);
    expect({
      factures: await db().facture.count(),
      lignes: await db().ligneFacture.count(),
      mails: await db().outboxMail.count(),
      compteur: await db().compteurNumero.findMany(),
    }).toEqual(avant);
    // each line is exact and each invoice the sum of its lines, in the database itself
    const [ecarts] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Facture" f
      WHERE f."totalCentimes" <> (SELECT coalesce(sum("montantCentimes"), 0) FROM "LigneFacture" l WHERE l."factureId" = f.id)`;
    expect(ecarts!.n).toBe(0);
  });

  it("a household with nothing billed gets no invoice; under 15 € the month is carried to the next invoice", async () => {
    const [rien, petit] = await creerFoyers({
      nombre: 2,
      enfantsParFoyer: 1,
      activiteIds: [garderie.id],
      nom: "Petit",
    });
    // 4 mornings in November (2, 3, 5 and 6, after the Toussaint) at 1,65 € (no QF): 6,60 €, under the threshold
    await reserverJours([
      {
        enfantId: petit!.enfants[0]!.enfantId,
        familleId: petit!.familleId,
        inscriptionId: petit!.enfants[0]!.inscriptions.get(garderie.id)!,
        uniteId: garderie.matin,
        du: "2026-11-01",
        au: "2026-11-06",
      },
    ]);
    const novembre = await facturerMois({ mois: "2026-11", now: new Date("2026-12-01T08:00:00Z") });
    expect([novembre.factures, novembre.reportees]).toEqual([0, 1]);
    expect(await db().facture.count({ where: { familleId: { in: [rien!.familleId, petit!.familleId] } } })).toBe(0);
    const report = await db().reportFacturation.findFirstOrThrow({ where: { familleId: petit!.familleId } });
    expect(report.montantCentimes).toBe(4 * 165);

    // December: the whole month of mornings and evenings, plus November's carried days
    await reserverJours([
      {
        enfantId: petit!.enfants[0]!.enfantId,
        familleId: petit!.familleId,
        inscriptionId: petit!.enfants[0]!.inscriptions.get(garderie.id)!,
        uniteId: garderie.soir,
        du: "2026-12-01",
        au: "2026-12-31",
      },
    ]);
    await facturerMois({ mois: "2026-12", now: new Date("2027-01-04T08:00:00Z") });
    const facture = await db().facture.findFirstOrThrow({
      where: { familleId: petit!.familleId },
      include: { lignes: { orderBy: { ordre: "asc" } } },
    });
    expect(facture.numero).toBe("FA-2027-000001");
    expect(facture.lignes.map((l) => [l.mois.toISOString().slice(0, 7), l.libelle, l.quantite])).toEqual([
      ["2026-11", "Garderie — Matin", 4],
      ["2026-12", "Garderie — Soir", 11],
    ]);
    expect(facture.totalCentimes).toBe(4 * 165 + 11 * 245);
    expect((await db().reportFacturation.findUniqueOrThrow({ where: { id: report.id } })).factureId).toBe(facture.id);
  });

  it("refuses to bill a unit without a tariff, saying which, and writes nothing", async () => {
    const unite = await db().unite.findFirstOrThrow({ where: { activite: { code: "RESTAURATION_PRIVEE" } } });
    const activite = await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PRIVEE" } });
    await db().tarif.deleteMany({ where: { uniteId: unite.id } });
    const [f] = await creerFoyers({ nombre: 1, enfantsParFoyer: 1, activiteIds: [activite.id], nom: "Sans tarif" });
    await reserverJours([
      {
        enfantId: f!.enfants[0]!.enfantId,
        familleId: f!.familleId,
        inscriptionId: f!.enfants[0]!.inscriptions.get(activite.id)!,
        uniteId: unite.id,
        du: "2027-01-04",
        au: "2027-01-29",
      },
    ]);
    const run = await facturerMois({ mois: "2027-01", now: new Date("2027-02-01T08:00:00Z") });
    expect(run.statut).toBe("ECHEC");
    expect(run.erreur).toContain(
      "Aucun tarif pour : Inscription à la restauration (école privée) — Menu Classique (2026-2027)",
    );
    expect(await db().facture.count({ where: { periodeDebut: new Date("2027-01-01T00:00:00Z") } })).toBe(0);
  });
});
