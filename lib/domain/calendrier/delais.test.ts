// The deadline table of issue 14: the minute before, at and after each cutoff, both daylight-saving switches,
// "J-2 ouvrés" across 11 November, "vendredi précédent" for a Monday; every answer the same whatever the
// server's own zone (process.env.TZ is read again by Node at each change).
import { afterAll, describe, expect, it } from "vitest";
import {
  dansLeDelai,
  echeance,
  libelleDelai,
  modifiableJusquau,
  premierJourDansLeDelai,
  type Delai,
} from "@/lib/domain/calendrier/delais";
import { ajouterJours } from "@/lib/temps/jours";

const CANTINE: Delai = { type: "JOUR_SEMAINE_PRECEDENTE", jour: 4, heure: "12:00" };
const GARDERIE: Delai = { type: "J_MOINS", n: 1, ouvres: false, heure: "18:00" };
const DEUX_OUVRES: Delai = { type: "J_MOINS", n: 2, ouvres: true, heure: "10:00" };
const DEUX_CALENDAIRES: Delai = { type: "J_MOINS", n: 2, ouvres: false, heure: "10:00" };
const VENDREDI: Delai = { type: "JOUR_PRECEDENT", jour: 5, heure: "11:00" };
const LUNDI: Delai = { type: "JOUR_PRECEDENT", jour: 1, heure: "09:00" };
const LE_20: Delai = { type: "JOUR_MOIS_PRECEDENT", n: 20, heure: "12:00" };
const LE_31: Delai = { type: "JOUR_MOIS_PRECEDENT", n: 31, heure: "23:59" };

/** [rule, day of service, now (UTC instant), still modifiable] */
const TABLE: [string, Delai, string, string, boolean][] = [
  // jeudi de la semaine précédente à 12:00 (CEST, UTC+2) for Monday 7 September 2026: Thursday 3 September
  ["cantine, la minute avant", CANTINE, "2026-09-07", "2026-09-03T09:59:00Z", true],
  ["cantine, la minute même", CANTINE, "2026-09-07", "2026-09-03T10:00:00Z", true],
  ["cantine, sa dernière seconde", CANTINE, "2026-09-07", "2026-09-03T10:00:59Z", true],
  ["cantine, la minute après", CANTINE, "2026-09-07", "2026-09-03T10:01:00Z", false],
  // the same rule for Friday 11 September: still Thursday 3 September
  ["cantine, vendredi de la semaine", CANTINE, "2026-09-11", "2026-09-03T10:01:00Z", false],
  ["cantine, la semaine d'après", CANTINE, "2026-09-14", "2026-09-10T09:59:00Z", true],
  // J-1 à 18:00 across the spring switch (Sunday 29 March 2026, 02:00 → 03:00): 18:00 CEST = 16:00 UTC
  ["garderie, printemps, avant", GARDERIE, "2026-03-30", "2026-03-29T15:59:00Z", true],
  ["garderie, printemps, à", GARDERIE, "2026-03-30", "2026-03-29T16:00:00Z", true],
  ["garderie, printemps, après", GARDERIE, "2026-03-30", "2026-03-29T16:01:00Z", false],
  ["garderie, printemps, l'heure d'hiver n'a plus cours", GARDERIE, "2026-03-30", "2026-03-29T16:30:00Z", false],
  // across the autumn switch (Sunday 25 October 2026, 03:00 → 02:00): 18:00 CET = 17:00 UTC
  ["garderie, automne, l'heure d'été n'a plus cours", GARDERIE, "2026-10-26", "2026-10-25T16:30:00Z", true],
  ["garderie, automne, avant", GARDERIE, "2026-10-26", "2026-10-25T16:59:00Z", true],
  ["garderie, automne, à", GARDERIE, "2026-10-26", "2026-10-25T17:00:00Z", true],
  ["garderie, automne, après", GARDERIE, "2026-10-26", "2026-10-25T17:01:00Z", false],
  // J-2 ouvrés for Wednesday 12 November 2025: Tuesday 11 is a public holiday, Monday 10 is one, the weekend
  // is skipped, Friday 7 at 10:00 CET is the second
  ["J-2 ouvrés, 11 novembre, avant", DEUX_OUVRES, "2025-11-12", "2025-11-07T08:59:00Z", true],
  ["J-2 ouvrés, 11 novembre, à", DEUX_OUVRES, "2025-11-12", "2025-11-07T09:00:00Z", true],
  ["J-2 ouvrés, 11 novembre, après", DEUX_OUVRES, "2025-11-12", "2025-11-07T09:01:00Z", false],
  ["J-2 calendaires, le lundi 10 encore", DEUX_CALENDAIRES, "2025-11-12", "2025-11-10T08:59:00Z", true],
  // vendredi précédent à 11:00 for Monday 8 September 2025: Friday 5 September, 09:00 UTC
  ["vendredi précédent, avant", VENDREDI, "2025-09-08", "2025-09-05T08:59:00Z", true],
  ["vendredi précédent, à", VENDREDI, "2025-09-08", "2025-09-05T09:00:00Z", true],
  ["vendredi précédent, après", VENDREDI, "2025-09-08", "2025-09-05T09:01:00Z", false],
  // le 20 du mois précédent à 12:00 for 15 October 2026: 20 September, 10:00 UTC
  ["le 20 du mois précédent, à", LE_20, "2026-10-15", "2026-09-20T10:00:00Z", true],
  ["le 20 du mois précédent, après", LE_20, "2026-10-15", "2026-09-20T10:01:00Z", false],
  ["jamais", { type: "JAMAIS" }, "2027-06-30", "2026-08-01T00:00:00Z", false],
];

const ZONES = ["Europe/Paris", "UTC", "America/New_York", "Pacific/Kiritimati"];
const zoneDOrigine = process.env.TZ;
afterAll(() => {
  process.env.TZ = zoneDOrigine;
});

describe.each(ZONES)("deadlines with the server in %s", (zone) => {
  it.each(TABLE)("%s", (_cas, delai, service, maintenant, attendu) => {
    process.env.TZ = zone;
    expect(dansLeDelai(delai, service, new Date(maintenant))).toBe(attendu);
  });

  it("names the cutoff day of each rule", () => {
    process.env.TZ = zone;
    expect(echeance(DEUX_OUVRES, "2025-11-12")).toEqual({ jour: "2025-11-07", heure: "10:00" });
    expect(echeance(VENDREDI, "2025-09-08")).toEqual({ jour: "2025-09-05", heure: "11:00" });
    // a Monday's "lundi précédent" is the week before's
    expect(echeance(LUNDI, "2025-09-08")).toEqual({ jour: "2025-09-01", heure: "09:00" });
    // "le 31" of February is its last day
    expect(echeance(LE_31, "2027-03-15")).toEqual({ jour: "2027-02-28", heure: "23:59" });
    expect(echeance(LE_20, "2027-01-10")).toEqual({ jour: "2026-12-20", heure: "12:00" });
    // Ascension 2026 (Thursday 14 May) is a public holiday: J-1 ouvré of Friday 15 is Wednesday 13
    expect(echeance({ type: "J_MOINS", n: 1, ouvres: true, heure: "18:00" }, "2026-05-15")?.jour).toBe("2026-05-13");
  });
});

describe("the words of a deadline", () => {
  it("says the rule and the cutoff as the calendar shows them", () => {
    expect(modifiableJusquau(CANTINE, "2026-09-07")).toBe("Modifiable jusqu'au jeudi 3 septembre à 12:00");
    expect(libelleDelai(CANTINE)).toBe("jeudi de la semaine précédente à 12:00");
    expect(libelleDelai(GARDERIE)).toBe("Jour J-1 à 18:00");
    expect(libelleDelai(DEUX_OUVRES)).toBe("Jour J-2 ouvrés à 10:00");
    expect(libelleDelai(VENDREDI)).toBe("vendredi précédent à 11:00");
    expect(libelleDelai({ type: "JOUR_MOIS_PRECEDENT", n: 1, heure: "12:00" })).toBe(
      "le 1er du mois précédent à 12:00",
    );
    expect(modifiableJusquau({ type: "JAMAIS" }, "2026-09-07")).toBeNull();
  });
});

describe("the first day still open, found by bisection (the month view)", () => {
  const REGLES: Delai[] = [CANTINE, GARDERIE, DEUX_OUVRES, DEUX_CALENDAIRES, VENDREDI, LUNDI, LE_20, LE_31];
  // the start of the year, both daylight-saving switches, the week of 11 November, the end of the year
  const INSTANTS = [
    "2026-08-20T10:00:00Z",
    "2026-09-03T10:01:00Z",
    "2026-10-25T16:30:00Z",
    "2026-11-06T09:00:00Z",
    "2027-03-27T23:30:00Z",
    "2027-06-25T10:00:00Z",
    "2027-08-01T00:00:00Z",
  ];
  it.each(REGLES.map((r) => [libelleDelai(r), r] as const))("is the day-by-day answer for %s", (_nom, delai) => {
    for (const instant of INSTANTS) {
      const now = new Date(instant);
      let attendu: string | null = null;
      for (let jour = "2026-09-01"; jour <= "2027-07-03"; jour = ajouterJours(jour, 1)) {
        if (dansLeDelai(delai, jour, now)) {
          attendu ??= jour;
        } else {
          // never closed again once open: what the bisection relies on
          expect(attendu).toBeNull();
        }
      }
      expect(premierJourDansLeDelai(delai, "2026-09-01", "2027-07-03", now)).toBe(attendu);
    }
  });

  it("finds none under « jamais » or an empty span", () => {
    expect(premierJourDansLeDelai({ type: "JAMAIS" }, "2026-09-01", "2027-07-03", new Date())).toBeNull();
    expect(premierJourDansLeDelai(GARDERIE, "2026-09-02", "2026-09-01", new Date("2026-08-01T00:00:00Z"))).toBeNull();
  });
});
