import { describe, expect, it } from "vitest";
import { joursEnClair, type ServiceReserve } from "@/lib/domain/absence/jours-en-clair";

const repas = (date: string): ServiceReserve => ({ date, type: "RESTAURATION" });
const garderie = (date: string): ServiceReserve => ({ date, type: "GARDERIE" });

describe("the days an absence covers, as calendar days with their services", () => {
  it.each([
    ["nothing", [], "aucun jour réservé"],
    ["a meal and the garderie of one day", [repas("2026-12-07"), garderie("2026-12-07")], "1 jour (repas et garderie)"],
    ["one meal", [repas("2026-12-07")], "1 jour (repas)"],
    ["one garderie", [garderie("2026-12-08")], "1 jour (garderie)"],
    ["two meals", [repas("2026-12-07"), repas("2026-12-08")], "2 jours (repas)"],
    [
      "two days, one of them with its garderie",
      [repas("2026-12-07"), garderie("2026-12-07"), repas("2026-12-08")],
      "2 jours (repas et garderie)",
    ],
    ["the garderie listed first", [garderie("2026-12-07"), repas("2026-12-07")], "1 jour (repas et garderie)"],
    [
      "instants of the same day",
      [repas("2026-12-07T00:00:00.000Z"), garderie("2026-12-07")],
      "1 jour (repas et garderie)",
    ],
  ] as const)("%s → %s", (_cas, reservations, attendu) => {
    expect(joursEnClair(reservations)).toBe(attendu);
  });
});
