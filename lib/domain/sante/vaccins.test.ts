import { describe, expect, it } from "vitest";
import { anniversaireEnMois, statutDtPolio } from "@/lib/domain/sante/vaccins";

describe("anniversaireEnMois", () => {
  it.each([
    ["2020-03-15", 72, "2026-03-15"],
    ["2020-01-31", 1, "2020-02-29"],
    ["2020-02-29", 12, "2021-02-28"],
    ["2025-12-10", 11, "2026-11-10"],
  ])("%s + %i mois = %s", (naissance, mois, attendu) => {
    expect(anniversaireEnMois(naissance, mois)).toBe(attendu);
  });
});

// Each row: birth, last injection, today, expected status (and due date when out of date).
describe("statutDtPolio", () => {
  it.each([
    // no date: nothing to say
    ["2020-03-15", null, "2026-12-07", "NON_RENSEIGNE", undefined],
    // a baby before its 11-month booster: any injection will do
    ["2026-03-01", "2026-05-01", "2026-12-07", "A_JOUR", undefined],
    // 11 months reached, last injection at 4 months: the 11-month booster is missing
    ["2025-12-01", "2026-04-01", "2026-12-07", "A_METTRE_A_JOUR", "2026-11-01"],
    // 5 years old, booster at 11 months done
    ["2021-06-10", "2022-05-10", "2026-12-07", "A_JOUR", undefined],
    // 6 years old on the day, 6-year booster not done: due that very day
    ["2020-12-07", "2021-11-07", "2026-12-07", "A_METTRE_A_JOUR", "2026-12-07"],
    // the 6-year booster given on the birthday
    ["2020-12-07", "2026-12-07", "2026-12-07", "A_JOUR", undefined],
    // the day before the 6th birthday: nothing due yet
    ["2020-12-08", "2021-11-08", "2026-12-07", "A_JOUR", undefined],
    // 12 years old: the 11–13 booster is not due before 13, the 6-year one was done
    ["2014-05-01", "2020-05-20", "2026-12-07", "A_JOUR", undefined],
    // 13 reached, last booster at 6: the 11–13 booster is missing
    ["2013-05-01", "2019-05-20", "2026-12-07", "A_METTRE_A_JOUR", "2026-05-01"],
    // 13 reached, booster given at 11 and a half: it counts
    ["2013-05-01", "2024-11-01", "2026-12-07", "A_JOUR", undefined],
    // given at 10, before the 11–13 window opened: it does not count for it
    ["2013-05-01", "2023-06-01", "2026-12-07", "A_METTRE_A_JOUR", "2026-05-01"],
    // 25 years old, last booster at 12
    ["2001-01-01", "2013-01-01", "2026-12-07", "A_METTRE_A_JOUR", "2026-01-01"],
  ] as const)("né le %s, dernière injection %s, le %s : %s", (naissance, derniere, aujourdhui, statut, echeance) => {
    const resultat = statutDtPolio({ naissance, derniere, aujourdhui });
    expect(resultat.statut).toBe(statut);
    expect("echeance" in resultat ? resultat.echeance : undefined).toBe(echeance);
  });
});
