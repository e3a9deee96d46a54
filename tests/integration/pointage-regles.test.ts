// The pointage's rules on PostgreSQL (issue 27): the days a list may be marked on (today and the commune's
// correction window, never a day to come), the latest tap winning whatever the order the tablets' marks arrive
// in (each journaled, the late one as not kept), and « Tous présents » marking the unmarked children at once.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/pointage-regles-${Math.random().toString(36).slice(2)}`;
});

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pointer } from "@/lib/domain/pointage/pointer";
import { marquerTousPresents } from "@/lib/domain/pointage/tous-presents";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import type { EtatPointage } from "@/lib/generated/prisma/enums";
import { agent } from "./demande-fixtures";
import { familleInscrite } from "./inscription-fixtures";
import { cantinePublique } from "./cantine-fixtures";

let lieuId: number;
let classique: number;
const AOUT = new Date("2026-08-20T10:00:00Z");
/** « today » of these tests: Tuesday 29 September 2026, 14:00 in Paris */
const MARDI = "2026-09-29";
const NOW = new Date("2026-09-29T12:00:00Z");

beforeAll(async () => {
  ({ lieuId, classique } = await cantinePublique());
}, 120_000);

/** A child enrolled and booked on these days of Menu Classique. */
async function enfantReserve(nom: string, dates: string[]) {
  const f = await familleInscrite(nom);
  await enregistrerReservations({
    usagerId: f.usager.id,
    inscriptionId: f.inscriptionId,
    changements: dates.map((date) => ({ date, uniteId: classique, reserver: true })),
    now: AOUT,
  });
  return f;
}

const marquer = (
  agentId: string,
  enfantId: string,
  date: string,
  { etat = "PRESENT" as EtatPointage, now = NOW, marqueLe = undefined as Date | undefined } = {},
) => pointer({ agentId, enfantId, uniteId: classique, lieuId, date, etat, marqueLe, now });

async function refus(promesse: Promise<unknown>) {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return erreur as AppError;
}

const etatDe = async (enfantId: string, date: string) =>
  db().pointage.findUnique({
    where: { enfantId_uniteId_date: { enfantId, uniteId: classique, date: new Date(`${date}T00:00:00Z`) } },
  });

describe("the correction window", () => {
  it("takes today and today-7, refuses today-8 and tomorrow; the commune's setting moves it", async () => {
    const jours = ["2026-09-21", "2026-09-22", MARDI, "2026-10-01"];
    const f = await enfantReserve("Arrieta", jours);
    const animateur = await agent("Animatrice");

    expect(await marquer(animateur.id, f.enfantId, MARDI)).toEqual({ retenue: true });
    expect(await marquer(animateur.id, f.enfantId, "2026-09-22")).toEqual({ retenue: true });

    const tropVieux = await refus(marquer(animateur.id, f.enfantId, "2026-09-21"));
    expect([tropVieux.code, tropVieux.field, tropVieux.message]).toEqual([
      "jour",
      "date",
      "Le pointage du lundi 21 septembre 2026 n'est plus modifiable : le pointage se corrige jusqu'à 7 jours après.",
    ]);
    // a day to come, even late in the evening before it (22:30 in Paris is still the 30th)
    const demain = await refus(
      marquer(animateur.id, f.enfantId, "2026-10-01", { now: new Date("2026-09-30T20:30:00Z") }),
    );
    expect(demain.message).toBe("On ne pointe pas un jour à venir : le jeudi 1er octobre n'est pas encore arrivé.");
    // « présent sans réservation » likewise, and « Tous présents »
    const sansReservation = await refus(
      marquer(animateur.id, f.enfantId, "2026-10-01", { etat: "PRESENT_SANS_RESERVATION" }),
    );
    expect(sansReservation.code).toBe("jour");
    expect(
      (
        await refus(
          marquerTousPresents({ agentId: animateur.id, uniteId: classique, lieuId, date: "2026-10-01", now: NOW }),
        )
      ).code,
    ).toBe("jour");
    expect(await db().pointage.count({ where: { enfantId: f.enfantId } })).toBe(2);

    // the commune gives 8 days: today-8 is taken; 0: only today
    await db().commune.update({ where: { id: 1 }, data: { delaiCorrectionPointageJours: 8 } });
    expect(await marquer(animateur.id, f.enfantId, "2026-09-21")).toEqual({ retenue: true });
    await db().commune.update({ where: { id: 1 }, data: { delaiCorrectionPointageJours: 0 } });
    expect((await refus(marquer(animateur.id, f.enfantId, "2026-09-22"))).message).toMatch(
      /seul le jour même peut être pointé\.$/,
    );
    expect(await marquer(animateur.id, f.enfantId, MARDI, { etat: "ABSENT" })).toEqual({ retenue: true });
    await db().commune.update({ where: { id: 1 }, data: { delaiCorrectionPointageJours: 7 } });
  });
});

describe("the offline conflict rule", () => {
  const paris = (heure: string) => new Date(`${MARDI}T${heure}:00+02:00`);

  it("keeps the latest tap: an offline mark arriving after a newer one is journaled, not kept", async () => {
    const f = await enfantReserve("Bergara", [MARDI]);
    const tabletteA = await agent("Tablette A");
    const tabletteB = await agent("Tablette B");

    // B taps Absent at 12:20 on a tablet online (received 12:21); A had tapped Présent at 12:05 offline,
    // received at 12:40
    expect(
      await marquer(tabletteB.id, f.enfantId, MARDI, {
        etat: "ABSENT",
        marqueLe: paris("12:20"),
        now: paris("12:21"),
      }),
    ).toEqual({ retenue: true });
    expect(await marquer(tabletteA.id, f.enfantId, MARDI, { marqueLe: paris("12:05"), now: paris("12:40") })).toEqual({
      retenue: false,
    });
    const ligne = await etatDe(f.enfantId, MARDI);
    expect([ligne!.etat, ligne!.parAgentId, ligne!.marqueLe, ligne!.recuLe]).toEqual([
      "ABSENT",
      tabletteB.id,
      paris("12:20"),
      paris("12:21"),
    ]);
    const marques = await db().journalEntry.findMany({
      where: { event: "pointage.marque", details: { path: ["enfantId"], equals: f.enfantId } },
      orderBy: { id: "asc" },
    });
    expect(marques.map((m) => [m.actorId, m.details])).toEqual([
      [
        tabletteB.id,
        {
          enfantId: f.enfantId,
          familleId: f.familleId,
          uniteId: classique,
          lieuId,
          date: MARDI,
          etat: "ABSENT",
          marqueLe: paris("12:20").toISOString(),
          retenue: true,
        },
      ],
      [
        tabletteA.id,
        expect.objectContaining({ etat: "PRESENT", marqueLe: paris("12:05").toISOString(), retenue: false }),
      ],
    ]);
  });

  it("in the reverse order the later tap overwrites; a tablet's clock ahead of the server's counts as now", async () => {
    const f = await enfantReserve("Camino", [MARDI]);
    const tabletteA = await agent("Tablette A");
    const tabletteB = await agent("Tablette B");
    expect(await marquer(tabletteA.id, f.enfantId, MARDI, { marqueLe: paris("12:05"), now: paris("12:15") })).toEqual({
      retenue: true,
    });
    expect(
      await marquer(tabletteB.id, f.enfantId, MARDI, {
        etat: "ABSENT",
        marqueLe: paris("12:20"),
        now: paris("12:21"),
      }),
    ).toEqual({ retenue: true });
    expect((await etatDe(f.enfantId, MARDI))!.etat).toBe("ABSENT");
    expect(
      await db().journalEntry.count({
        where: { event: "pointage.marque", details: { path: ["enfantId"], equals: f.enfantId } },
      }),
    ).toBe(2);

    // a tablet whose clock says 13:30 at 12:30: the mark counts from 12:30, so a real 12:45 tap still wins
    await marquer(tabletteA.id, f.enfantId, MARDI, { marqueLe: paris("13:30"), now: paris("12:30") });
    expect((await etatDe(f.enfantId, MARDI))!.marqueLe).toEqual(paris("12:30"));
    await marquer(tabletteB.id, f.enfantId, MARDI, {
      etat: "ABSENT",
      marqueLe: paris("12:45"),
      now: paris("12:46"),
    });
    expect((await etatDe(f.enfantId, MARDI))!.etat).toBe("ABSENT");
  });
});

describe("« Tous présents »", () => {
  it("marks every unmarked booked child présent at once, journaled once; a mark made before is kept", async () => {
    const jour = "2026-09-28";
    const enfants = await Promise.all(["Daguerre", "Echeverria", "Fagoaga"].map((n) => enfantReserve(n, [jour])));
    const responsable = await agent("Responsable");
    await marquer(responsable.id, enfants[0]!.enfantId, jour, { etat: "ABSENT" });

    expect(
      await marquerTousPresents({ agentId: responsable.id, uniteId: classique, lieuId, date: jour, now: NOW }),
    ).toEqual({ nombre: 2 });
    const lignes = await db().pointage.findMany({ where: { date: new Date(`${jour}T00:00:00Z`), uniteId: classique } });
    const etats = new Map(lignes.map((l) => [l.enfantId, l.etat]));
    expect(enfants.map((e) => etats.get(e.enfantId))).toEqual(["ABSENT", "PRESENT", "PRESENT"]);
    const journalises = await db().journalEntry.findMany({
      where: { event: "pointage.tous_presents", actorId: responsable.id },
    });
    expect(journalises.map((j) => j.details)).toEqual([{ lieuId, uniteId: classique, date: jour, nombre: 2 }]);

    // then one exception, a minute later; pressed again, nothing left to mark
    await marquer(responsable.id, enfants[2]!.enfantId, jour, {
      etat: "ABSENT",
      now: new Date(NOW.getTime() + 60_000),
    });
    expect((await etatDe(enfants[2]!.enfantId, jour))!.etat).toBe("ABSENT");
    expect(
      await marquerTousPresents({ agentId: responsable.id, uniteId: classique, lieuId, date: jour, now: NOW }),
    ).toEqual({ nombre: 0 });
  });
});
