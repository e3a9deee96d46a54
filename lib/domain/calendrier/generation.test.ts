// Opening days of Villefranque (lundi, mardi, jeudi, vendredi; zone A) from the committed snapshot of the
// official school calendar: public holidays, holidays and the pont de l'Ascension are never opening days.
import { describe, expect, it } from "vitest";
import {
  genererJours,
  lireCalendrierScolaire,
  lireFichierCalendrier,
  lireOctetsCalendrier,
  raisonFermeture,
} from "@/lib/domain/calendrier/generation";
import snapshot from "@/lib/domain/calendrier/calendrier-scolaire-zone-a.json";

const { vacances, ignorees } = lireCalendrierScolaire(snapshot, "Zone A");

describe("the official calendar's file", () => {
  it("keeps each holiday once, drops the teachers' rows, reads instants as Paris days", () => {
    expect(ignorees).toBe(0);
    expect(vacances).toHaveLength(18);
    expect(
      vacances.find((v) => v.anneeScolaire === "2025-2026" && v.description === "Vacances de la Toussaint"),
    ).toEqual({
      description: "Vacances de la Toussaint",
      debut: "2025-10-18",
      fin: "2025-11-03",
      anneeScolaire: "2025-2026",
    });
    // a winter-time instant (23:00 UTC) is the next Paris day too
    expect(vacances.find((v) => v.description === "Vacances de Noël" && v.anneeScolaire === "2026-2027")?.fin).toBe(
      "2027-01-04",
    );
    expect(lireCalendrierScolaire(snapshot, "Zone B").vacances).toEqual([]);
  });

  it("holds the official zone A dates of 2024-2025, 2025-2026 and 2026-2027 for its eight académies", () => {
    const academies = new Set(snapshot.map((l) => l.location));
    expect([...academies].sort()).toEqual([
      "Besançon",
      "Bordeaux",
      "Clermont-Ferrand",
      "Dijon",
      "Grenoble",
      "Limoges",
      "Lyon",
      "Poitiers",
    ]);
    const periodes = vacances.map((v) => `${v.anneeScolaire} ${v.description} ${v.debut} ${v.fin}`);
    expect(periodes).toEqual([
      "2024-2025 Vacances de la Toussaint 2024-10-19 2024-11-04",
      "2024-2025 Vacances de Noël 2024-12-21 2025-01-06",
      "2024-2025 Vacances d'Hiver 2025-02-22 2025-03-10",
      "2024-2025 Vacances de Printemps 2025-04-19 2025-05-05",
      "2024-2025 Pont de l'Ascension 2025-05-28 2025-06-02",
      "2024-2025 Vacances d'Été 2025-07-05 2025-09-01",
      "2025-2026 Vacances de la Toussaint 2025-10-18 2025-11-03",
      "2025-2026 Vacances de Noël 2025-12-20 2026-01-05",
      "2025-2026 Vacances d'Hiver 2026-02-07 2026-02-23",
      "2025-2026 Vacances de Printemps 2026-04-04 2026-04-20",
      "2025-2026 Pont de l'Ascension 2026-05-13 2026-05-18",
      "2025-2026 Vacances d'Été 2026-07-04 2026-09-01",
      "2026-2027 Vacances de la Toussaint 2026-10-17 2026-11-02",
      "2026-2027 Vacances de Noël 2026-12-19 2027-01-04",
      "2026-2027 Vacances d'Hiver 2027-02-13 2027-03-01",
      "2026-2027 Vacances de Printemps 2027-04-10 2027-04-26",
      "2026-2027 Pont de l'Ascension 2027-05-05 2027-05-10",
      "2026-2027 Vacances d'Été 2027-07-03 2027-09-01",
    ]);
  });

  it("drops the teachers' rows", () => {
    const ligne = { ...snapshot[0]!, population: "Enseignants", start_date: "2024-10-17T22:00:00+00:00" };
    expect(lireCalendrierScolaire([ligne], "Zone A").vacances).toEqual([]);
  });

  it("reads the CSV export (French headers, quoted fields, BOM) and the API's JSON", () => {
    const csv =
      "\uFEFFDescription;Population;Date de début;Date de fin;Académies;Zones;annee_scolaire\r\n" +
      '"Vacances de la Toussaint";-;2026-10-17T00:00:00+02:00;2026-11-02T00:00:00+01:00;Bordeaux;Zone A;2026-2027\r\n';
    const lu = lireFichierCalendrier(csv);
    expect(lu.ok && lireCalendrierScolaire(lu.lignes, "Zone A").vacances).toEqual([
      { description: "Vacances de la Toussaint", debut: "2026-10-17", fin: "2026-11-02", anneeScolaire: "2026-2027" },
    ]);
    const api = lireFichierCalendrier(JSON.stringify({ total_count: 1, results: [snapshot[0]] }));
    expect(api.ok && api.lignes).toHaveLength(1);
    expect(lireFichierCalendrier("nom;prenom\nDupont;Jean")).toMatchObject({ ok: false });
    expect(lireFichierCalendrier("[{")).toEqual({
      ok: false,
      message: "Le fichier JSON est mal formé : il ne peut pas être lu.",
    });
    expect(lireOctetsCalendrier(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00]))).toMatchObject({ ok: false });
    expect(lireOctetsCalendrier(new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false });
  });
});

describe("genererJours", () => {
  const annee = (debut: string, fin: string) =>
    genererJours({ debut, fin, joursSemaine: [1, 2, 4, 5], vacances, fermetures: [] });

  it("2025-2026: the Fridays of the Ascension bridge and the public holidays are left out, with their reason", () => {
    const { ouverts, exclus } = annee("2025-09-01", "2026-07-03");
    expect(ouverts[0]).toBe("2025-09-01");
    expect(ouverts).not.toContain("2025-11-11");
    expect(ouverts).not.toContain("2026-05-15");
    expect(ouverts).not.toContain("2026-05-14");
    expect(ouverts).not.toContain("2025-10-20");
    expect(ouverts).toContain("2025-11-03");
    expect(ouverts).toContain("2026-05-18");
    expect(ouverts.every((j) => ![3, 6, 0].includes(new Date(j).getUTCDay()))).toBe(true);
    expect(exclus).toContainEqual({ jour: "2026-05-15", raison: "Pont de l'Ascension" });
    expect(exclus).toContainEqual({ jour: "2025-11-11", raison: "Férié" });
    expect(exclus).toContainEqual({ jour: "2025-10-20", raison: "Vacances de la Toussaint" });
    expect(exclus).toContainEqual({ jour: "2026-05-25", raison: "Férié" });
  });

  it("the day classes end before holidays (after class) is still a school day", () => {
    // pont de l'Ascension 2025: classes end after Wednesday 28 May
    const { ouverts } = genererJours({
      debut: "2025-05-26",
      fin: "2025-06-02",
      joursSemaine: [1, 2, 3, 4, 5],
      vacances,
      fermetures: [],
    });
    expect(ouverts).toEqual(["2025-05-26", "2025-05-27", "2025-05-28", "2025-06-02"]);
  });

  it("2024-2025: Friday 30 May 2025 is closed", () => {
    const { ouverts, exclus } = annee("2024-09-02", "2025-07-04");
    expect(ouverts).not.toContain("2025-05-30");
    expect(exclus).toContainEqual({ jour: "2025-05-30", raison: "Pont de l'Ascension" });
    expect(ouverts).toContain("2025-06-02");
  });

  it("the commune's own closures win over everything", () => {
    const fermetures = [{ date: "2026-09-10", libelle: "Grève" }];
    const { ouverts } = genererJours({
      debut: "2026-09-07",
      fin: "2026-09-11",
      joursSemaine: [1, 2, 4, 5],
      vacances,
      fermetures,
    });
    expect(ouverts).toEqual(["2026-09-07", "2026-09-08", "2026-09-11"]);
    expect(raisonFermeture("2026-09-10", vacances, fermetures)).toBe("Grève");
    expect(raisonFermeture("2026-09-07", vacances, fermetures)).toBeNull();
  });
});
