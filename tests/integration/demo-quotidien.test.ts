// The demo's Monday (prisma/demo-quotidien.ts) on PostgreSQL, seeded on a Monday at 10:30 (after the « malade ce
// matin » hour: its declaration is dated this morning): the three absences declared that morning (justified,
// waiting for its certificate, « malade ce matin »), last week's pointage with its one unexplained absence, the
// kitchen orders frozen; and the console's day shows each of them. Seeding twice changes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/demo-quotidien-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { journeeConsole } from "@/lib/domain/console/tableau-de-bord";
import { dateDeJour, instantParis } from "@/lib/temps/jours";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { FAMILLES_QUOTIDIEN, seedQuotidienDemo } from "@/prisma/demo-quotidien";
import { agent } from "./demande-fixtures";

const LUNDI = "2026-12-07";
const NOW = instantParis(LUNDI, "10:30");

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const maite = await agent();
  await seedQuotidienDemo(maite, NOW);
  await seedQuotidienDemo(maite, NOW);
}, 300_000);

describe("the demo's Monday", () => {
  it("holds the absences declared this morning, last week's pointage and a frozen kitchen order", async () => {
    const usagers = await db().usager.findMany({ where: { identifiant: { startsWith: "famille." } } });
    expect(usagers).toHaveLength(FAMILLES_QUOTIDIEN.length);

    const absences = await db().absence.findMany({
      include: { demande: { select: { statut: true } }, enfant: { select: { prenoms: true } } },
      orderBy: { enfant: { prenoms: "asc" } },
    });
    expect(
      absences.map((a) => [a.enfant.prenoms, a.maladeCeMatin, a.justificatifRecuLe !== null, a.demande.statut]),
    ).toEqual([
      ["Ane", true, false, "DEPOSEE"],
      ["Mattin", false, true, "ACCEPTEE"],
      ["Peio", false, false, "DEPOSEE"],
    ]);
    // declared this morning, before 9:00
    for (const a of absences) expect(a.creeeLe.getTime()).toBeLessThan(instantParis(LUNDI, "09:00").getTime());
    expect(await db().reservation.count({ where: { statut: "ABSENCE_JUSTIFIEE" } })).toBeGreaterThan(0);

    // last week's pointage: Monday 30 November to Friday 4 December (4 service days), canteen and garderie;
    // Elaia absent on the Friday, at both
    const pointages = await db().pointage.groupBy({
      by: ["etat"],
      where: { date: { gte: dateDeJour("2026-11-30"), lte: dateDeJour("2026-12-04") } },
      _count: { _all: true },
    });
    expect(Object.fromEntries(pointages.map((p) => [p.etat, p._count._all]))).toEqual({ PRESENT: 38, ABSENT: 2 });

    // the kitchen orders of this week, frozen (their cutoff was last Thursday noon)
    expect(await db().commandeRepas.count({ where: { date: dateDeJour(LUNDI) } })).toBeGreaterThan(0);

    const journee = await journeeConsole(LUNDI);
    expect(journee.absencesDeclarees.map((a) => a.enfant).sort()).toEqual([
      "Ane CURUTCHET",
      "Mattin ETCHEVERRY",
      "Peio BIDART",
    ]);
    expect(journee.aSuivre.map((a) => [a.enfant, a.date])).toEqual([
      ["Elaia HARRIET", "2026-12-04"],
      ["Elaia HARRIET", "2026-12-04"],
    ]);
    const ecole = await db().activite.findUniqueOrThrow({ where: { code: "RESTAURATION_PUBLIQUE" } });
    const cantine = journee.jour.find((l) => l.unite === "Menu Classique" && l.activite === ecole.libelle);
    // five booked, Ane ill this morning (her meal and her garderie no longer expected)
    expect(cantine).toMatchObject({ reserves: 4, nonPointes: 4 });
    expect(journee.demandes).toEqual(expect.arrayContaining([{ type: "ABSENCE", nombre: 2 }]));
    expect(journee.graphique.find((j) => j.jour === LUNDI)).toEqual({ jour: LUNDI, repas: 4, garderie: 4 });
  });
});
