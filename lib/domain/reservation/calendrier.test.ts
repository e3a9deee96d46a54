// Opening days of Villefranque (lundi, mardi, jeudi, vendredi; zone A) from the committed snapshot of the
// official school calendar: public holidays, holidays and the pont de l'Ascension are never opening days.
import { describe, expect, it } from "vitest";
import { genererJours, lireCalendrierScolaire, raisonFermeture } from "@/lib/domain/reservation/calendrier";
import snapshot from "@/lib/domain/reservation/calendrier-scolaire-zone-a.json";

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
