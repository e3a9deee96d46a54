// The month view's reads on PostgreSQL: one month in full (its weeks, its words, why a day is locked), the
// school year only as the tools need it (each open day's units, state and whether it may change), and both
// saying the same of every day, month after month, with the deadlines evaluated once per year by bisection.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { dansLeDelai, lireDelai } from "@/lib/domain/calendrier/delais";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { decoderAnnee } from "@/lib/domain/reservation/annee-compacte";
import { calendrierReservations } from "@/lib/domain/reservation/queries";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { familleInscrite } from "./reservation-fixtures";

/** In August, before any cutoff of September (Thursday 27 August, 12:00, for Tuesday 1 September). */
const AOUT = new Date("2026-08-20T10:00:00Z");
/** In November: September and October are past their cutoffs, the rest of the year is not. */
const NOVEMBRE = new Date("2026-11-06T09:00:00Z");

let cantine: { id: number; classique: number; vegetarien: number };

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const r = await db().activite.findUniqueOrThrow({
    where: { code: "RESTAURATION_PUBLIQUE" },
    include: { unites: { orderBy: { ordre: "asc" } } },
  });
  cantine = { id: r.id, classique: r.unites[0]!.id, vegetarien: r.unites[1]!.id };
}, 120_000);

type Famille = Awaited<ReturnType<typeof familleInscrite>>;
const calendrier = async (f: Famille, now: Date, mois?: string) => {
  const c = await calendrierReservations({
    portee: { usagerId: f.usager.id },
    enfantId: f.enfantId,
    inscriptionId: f.inscriptionId,
    now,
    mois,
  });
  if (!c?.ouvert) throw new Error("calendrier fermé");
  return c;
};

describe("the month view", () => {
  it("shows one month in full, today's by default, and the year's months around it", async () => {
    const f = await familleInscrite("Mois", cantine.id);
    const septembre = await calendrier(f, AOUT);
    expect(septembre.mois).toBe("2026-09");
    expect(septembre.moisPrecedent).toBeNull();
    expect(septembre.moisSuivant).toBe("2026-10");
    expect(septembre.jours.length).toBeGreaterThan(10);
    expect(septembre.jours.every((j) => j.jour.startsWith("2026-09"))).toBe(true);
    expect(septembre.semaines.map((s) => s.titre)).toEqual([
      // Monday 31 August is not a day of the school year
      "31/08/2026",
      "lundi 7 septembre",
      "lundi 14 septembre",
      "lundi 21 septembre",
      "lundi 28 septembre",
    ]);
    expect(septembre.prochaineCloture).toBe("Prochaine clôture : jeudi 12:00, dans 7 jours");
    expect(septembre.jours.find((j) => j.jour === "2026-09-07")).toEqual({
      jour: "2026-09-07",
      libelle: "Lundi 7 septembre",
      info: "Modifiable jusqu'au jeudi 3 septembre à 12:00",
      ferme: false,
      cases: [
        { uniteId: cantine.classique, etat: "LIBRE", modifiable: true },
        { uniteId: cantine.vegetarien, etat: "LIBRE", modifiable: true },
      ],
    });
    expect(septembre.premier).toBe("2026-09-01");
    expect(septembre.joursSemaine).toEqual([1, 2, 4, 5]);

    const octobre = await calendrier(f, AOUT, "2026-10");
    expect(octobre).toMatchObject({ mois: "2026-10", moisPrecedent: "2026-09", moisSuivant: "2026-11" });
    // the holidays name the closed days of the month shown
    expect(octobre.jours.find((j) => j.jour === "2026-10-19")).toMatchObject({
      ferme: true,
      info: "Vacances de la Toussaint",
      cases: [],
    });
    // a month outside the year, or not a month at all: today's again
    expect((await calendrier(f, AOUT, "2030-01")).mois).toBe("2026-09");
    expect((await calendrier(f, AOUT, "septembre")).mois).toBe("2026-09");
    // the year's last month
    const dernier = await calendrier(f, AOUT, septembre.dernier!.slice(0, 7));
    expect(dernier.moisSuivant).toBeNull();
  });

  it("says the same of every day in the month and in the year's compact form, the day-by-day deadline rule too", async () => {
    const f = await familleInscrite("Annee", cantine.id);
    // a few days booked, some of them in months whose cutoffs will have passed
    const bilan = await enregistrerReservations({
      usagerId: f.usager.id,
      inscriptionId: f.inscriptionId,
      changements: ["2026-09-07", "2026-10-05", "2026-11-16", "2027-01-11"].map((date) => ({
        date,
        uniteId: cantine.classique,
        reserver: true,
      })),
      now: AOUT,
    });
    expect(bilan.refus).toEqual([]);
    const activite = await db().activite.findUniqueOrThrow({ where: { id: cantine.id } });
    const reservation = lireDelai(activite.delaiReservation)!;
    const annulation = lireDelai(activite.delaiAnnulation)!;
    for (const now of [AOUT, NOVEMBRE]) {
      const premier = await calendrier(f, now, "2026-09");
      const annuel = decoderAnnee(premier.annuel);
      const vus = new Set<string>();
      let mois: string | null = premier.mois;
      while (mois) {
        const c = await calendrier(f, now, mois);
        for (const j of c.jours) {
          if (j.ferme) {
            expect(annuel.has(j.jour)).toBe(false);
            continue;
          }
          vus.add(j.jour);
          expect(annuel.get(j.jour)).toEqual(j.cases);
          for (const c of j.cases) {
            const attendu =
              c.etat === "LIBRE"
                ? dansLeDelai(reservation, j.jour, now)
                : c.etat === "RESERVEE"
                  ? dansLeDelai(annulation, j.jour, now)
                  : c.modifiable;
            expect(c.modifiable, `${j.jour} ${c.etat}`).toBe(attendu);
          }
          expect(j.info).toEqual(
            dansLeDelai(reservation, j.jour, now)
              ? expect.stringMatching(/^Modifiable jusqu'au /)
              : "Délai de modification dépassé",
          );
        }
        mois = c.moisSuivant;
      }
      // every open day of the year is in one month, and only those
      expect([...vus].sort()).toEqual([...annuel.keys()]);
      expect(annuel.get("2026-10-05")?.[0]).toEqual({
        uniteId: cantine.classique,
        etat: "RESERVEE",
        modifiable: now === AOUT,
      });
    }
  });

  it("is another household's: nothing", async () => {
    const f = await familleInscrite("Mienne", cantine.id);
    const autre = await familleInscrite("Autre", cantine.id);
    expect(
      await calendrierReservations({
        portee: { usagerId: autre.usager.id },
        enfantId: f.enfantId,
        inscriptionId: f.inscriptionId,
        now: AOUT,
        mois: "2026-10",
      }),
    ).toBeNull();
  });
});
