// The time kernel on its own: calendar days are plain strings whose arithmetic never meets a daylight-saving
// change, Paris's day and wall-clock times whatever the process's zone (the test runs under several TZ through
// lib/domain/calendrier/delais.test.ts; here the values are checked at the edges: DST nights, year ends, leap days).
import { describe, expect, it } from "vitest";
import { dateHeure, debutDuJourParis, jourEnLettres } from "@/lib/temps/dates";
import {
  ajouterJours,
  dateDeJour,
  ecartJours,
  estJour,
  ferie,
  instantParis,
  jourDeDate,
  jourEnClair,
  jourParis,
  jourSemaine,
  ouvre,
  semaineIso,
} from "@/lib/temps/jours";

describe("calendar days", () => {
  it("accepts only real days", () => {
    expect(estJour("2028-02-29")).toBe(true);
    expect(estJour("2027-02-29")).toBe(false);
    expect(estJour("2026-13-01")).toBe(false);
    expect(estJour("2026-1-01")).toBe(false);
  });

  it("adds days across the DST nights and the year's end without drifting an hour", () => {
    expect(ajouterJours("2026-03-28", 1)).toBe("2026-03-29");
    expect(ajouterJours("2026-03-29", 1)).toBe("2026-03-30");
    expect(ajouterJours("2026-10-24", 2)).toBe("2026-10-26");
    expect(ajouterJours("2026-12-31", 1)).toBe("2027-01-01");
    expect(ajouterJours("2027-03-01", -1)).toBe("2027-02-28");
    expect(ecartJours("2026-03-01", "2026-04-01")).toBe(31);
    expect(ecartJours("2026-11-01", "2026-10-25")).toBe(-7);
  });

  it("names the ISO weekday and week", () => {
    expect(jourSemaine("2026-12-07")).toBe(1);
    expect(jourSemaine("2026-12-13")).toBe(7);
    expect(semaineIso("2026-12-31")).toBe(53);
    expect(semaineIso("2027-01-01")).toBe(53);
    expect(semaineIso("2027-01-04")).toBe(1);
  });

  it("round-trips a @db.Date value", () => {
    expect(jourDeDate(dateDeJour("2026-09-01"))).toBe("2026-09-01");
    expect(dateDeJour("2026-09-01").toISOString()).toBe("2026-09-01T00:00:00.000Z");
  });

  it("knows the public holidays, Ascension and Pentecost Monday included", () => {
    expect(ferie("2026-11-11")).toBeDefined();
    expect(ferie("2027-05-06")).toBeDefined();
    expect(ferie("2027-05-17")).toBeDefined();
    expect(ferie("2026-11-12")).toBeUndefined();
    expect(ouvre("2026-11-11")).toBe(false);
    expect(ouvre("2026-12-12")).toBe(false);
    expect(ouvre("2026-12-07")).toBe(true);
  });

  it("writes a day as the calendar says it", () => {
    expect(jourEnClair("2026-10-01")).toBe("jeudi 1er octobre");
    expect(jourEnClair("2026-12-07")).toBe("lundi 7 décembre");
  });
});

describe("Paris's day and wall clock", () => {
  it("is Paris's day, not UTC's, around midnight in winter and summer", () => {
    expect(jourParis(new Date("2026-12-06T23:30:00Z"))).toBe("2026-12-07");
    expect(jourParis(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(jourParis(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
  });

  it("places a Paris cutoff hour on the right instant on both sides of a DST change", () => {
    expect(instantParis("2026-03-27", "12:00").toISOString()).toBe("2026-03-27T11:00:00.000Z");
    expect(instantParis("2026-03-30", "12:00").toISOString()).toBe("2026-03-30T10:00:00.000Z");
    expect(instantParis("2026-10-26", "08:30").toISOString()).toBe("2026-10-26T07:30:00.000Z");
  });

  it("begins a typed day at Paris's midnight, and refuses a day that does not exist", () => {
    expect(debutDuJourParis("2026-07-01")?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(debutDuJourParis("2026-12-01")?.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(debutDuJourParis("2026-02-30")).toBeNull();
    expect(debutDuJourParis("1er décembre")).toBeNull();
  });

  it("writes instants in French, in Paris's time", () => {
    expect(dateHeure(new Date("2026-12-07T05:21:00Z"))).toBe("07/12/2026 à 06:21");
    expect(jourEnLettres(new Date("2027-08-01T10:00:00Z"))).toBe("1er août 2027");
    expect(jourEnLettres(new Date("2027-09-14T23:00:00Z"))).toBe("15 septembre 2027");
  });
});
