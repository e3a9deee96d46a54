import { describe, expect, it } from "vitest";
import {
  clotureEnClair,
  joursCourts,
  joursNonReserves,
  prochaineCloture,
  rappelsDuLendemain,
  semaineProchaine,
  type Service,
} from "@/lib/domain/agenda/cloture";
import type { Delai } from "@/lib/domain/calendrier/delais";

const CANTINE: Delai = { type: "JOUR_SEMAINE_PRECEDENTE", jour: 4, heure: "12:00" };
const GARDERIE: Delai = { type: "J_MOINS", n: 1, ouvres: false, heure: "18:00" };
// two school weeks (lundi, mardi, jeudi, vendredi) of December 2026
const JOURS = [
  "2026-12-07",
  "2026-12-08",
  "2026-12-10",
  "2026-12-11",
  "2026-12-14",
  "2026-12-15",
  "2026-12-17",
  "2026-12-18",
];
const cantine = (enfantId: string, prenom: string): Service => ({
  enfantId,
  prenom,
  activite: "Restauration scolaire",
  delai: CANTINE,
  jours: JOURS,
});
const garderie = (enfantId: string, prenom: string): Service => ({
  enfantId,
  prenom,
  activite: "Garderie",
  delai: GARDERIE,
  jours: JOURS,
});
/** Monday 7 December 2026, 10:00 in Paris */
const LUNDI = new Date("2026-12-07T09:00:00Z");
const MERCREDI = new Date("2026-12-09T07:47:00Z");

describe("the next cutoff", () => {
  it("is the earliest deadline of a day still open: next week's canteen closes on Thursday at noon", () => {
    const cloture = prochaineCloture([cantine("lea", "Léa"), cantine("hugo", "Hugo")], LUNDI);
    expect(cloture).toMatchObject({ jour: "2026-12-10", heure: "12:00", activites: ["Restauration scolaire"] });
    expect(cloture!.instant.toISOString()).toBe("2026-12-10T11:00:00.000Z");
    expect(clotureEnClair(cloture!, LUNDI)).toBe("jeudi 10 décembre à 12:00");
  });

  it("names the activity whose cutoff comes first, said « aujourd'hui » when it is today", () => {
    const cloture = prochaineCloture([cantine("lea", "Léa"), garderie("lea", "Léa")], LUNDI);
    expect(cloture).toMatchObject({ jour: "2026-12-07", heure: "18:00", activites: ["Garderie"] });
    expect(clotureEnClair(cloture!, LUNDI)).toBe("aujourd'hui à 18:00");
  });

  it("is null when no day is open any more, or no deadline is set", () => {
    expect(prochaineCloture([cantine("lea", "Léa")], new Date("2026-12-10T11:01:00Z"))).toBeNull();
    expect(prochaineCloture([{ ...cantine("lea", "Léa"), delai: null }], LUNDI)).toBeNull();
  });
});

describe("next week's days not booked", () => {
  it("lists per child the open days with nothing booked, in the children's order", () => {
    const reserves = new Map([["lea", new Set(["2026-12-14", "2026-12-15"])]]);
    const services = [cantine("lea", "Léa"), cantine("hugo", "Hugo")];
    expect(semaineProchaine(LUNDI)).toEqual({ du: "2026-12-14", au: "2026-12-20" });
    const non = joursNonReserves(services, reserves, { ...semaineProchaine(LUNDI), now: LUNDI });
    expect(non).toEqual([
      { enfantId: "lea", prenom: "Léa", jours: ["2026-12-17", "2026-12-18"] },
      { enfantId: "hugo", prenom: "Hugo", jours: ["2026-12-14", "2026-12-15", "2026-12-17", "2026-12-18"] },
    ]);
    expect(joursCourts(non[0]!.jours)).toBe("jeudi 17, vendredi 18");
  });

  it("counts a day once a child has anything on it (canteen booked, no garderie: nothing to say)", () => {
    const reserves = new Map([["lea", new Set(["2026-12-14", "2026-12-15", "2026-12-17", "2026-12-18"])]]);
    const services = [cantine("lea", "Léa"), garderie("lea", "Léa")];
    expect(joursNonReserves(services, reserves, { ...semaineProchaine(LUNDI), now: LUNDI })).toEqual([]);
  });

  it("leaves out the days already closed", () => {
    const apres = new Date("2026-12-10T11:01:00Z");
    expect(joursNonReserves([cantine("lea", "Léa")], new Map(), { ...semaineProchaine(LUNDI), now: apres })).toEqual(
      [],
    );
  });
});

describe("the reminder the day before a cutoff", () => {
  it("is due on Wednesday for Thursday's cutoff, with the week it closes and its days not booked", () => {
    const reserves = new Map([["lea", new Set(["2026-12-14"])]]);
    const rappels = rappelsDuLendemain([cantine("lea", "Léa")], reserves, MERCREDI);
    expect(rappels).toHaveLength(1);
    expect(rappels[0]).toMatchObject({
      cloture: { jour: "2026-12-10", heure: "12:00" },
      semaine: "2026-12-14",
      nonReserves: [{ enfantId: "lea", jours: ["2026-12-15", "2026-12-17", "2026-12-18"] }],
    });
    expect(clotureEnClair(rappels[0]!.cloture, MERCREDI)).toBe("demain, jeudi 10 décembre, à 12:00");
  });

  it("is not due two days before, nor when every day of that week is booked", () => {
    expect(rappelsDuLendemain([cantine("lea", "Léa")], new Map(), LUNDI)).toEqual([]);
    const tout = new Map([["lea", new Set(JOURS)]]);
    expect(rappelsDuLendemain([cantine("lea", "Léa")], tout, MERCREDI)).toEqual([]);
  });
});
