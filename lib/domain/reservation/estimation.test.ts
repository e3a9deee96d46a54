import { describe, expect, it } from "vitest";
import { arrondirCentimes, Decimal } from "@/lib/argent/argent";
import { centimesDuPrix, estimer, lundiDe, type Bareme } from "@/lib/domain/reservation/estimation";

const baremes: Bareme[] = [
  { enfantId: "lea", uniteId: 1, mois: "2026-11-01", prix: "2.853" },
  { enfantId: "lea", uniteId: 1, mois: "2026-12-01", prix: "2.855" },
  { enfantId: "lea", uniteId: 2, mois: "2026-12-01", prix: "1.5" },
  { enfantId: "tom", uniteId: 1, mois: "2026-12-01", prix: "3" },
];

describe("the estimate of the ticked days", () => {
  it("rounds the exact price to the cent once, half away from zero, as lib/argent does", () => {
    for (const prix of ["2.853", "2.855", "2.8549", "0.005", "0.004", "1.5", "3", "12.3456", "0"]) {
      expect(centimesDuPrix(prix)).toBe(arrondirCentimes(new Decimal(prix).times(100)));
    }
    expect(centimesDuPrix("2.853")).toBe(285);
    expect(centimesDuPrix("2.855")).toBe(286);
  });

  it("gives each ISO week its Monday", () => {
    expect(lundiDe("2026-12-07")).toBe("2026-12-07");
    expect(lundiDe("2026-12-13")).toBe("2026-12-07");
    expect(lundiDe("2027-01-01")).toBe("2026-12-28");
  });

  it("totals per child and for the family, per month and per week, a week across two months split by month price", () => {
    const jours = [
      // Monday 30 November and Tuesday 1 December: one week, two months, two prices
      { enfantId: "lea", uniteId: 1, date: "2026-11-30" },
      { enfantId: "lea", uniteId: 1, date: "2026-12-01" },
      { enfantId: "lea", uniteId: 2, date: "2026-12-01" },
      { enfantId: "lea", uniteId: 1, date: "2026-12-08" },
      { enfantId: "tom", uniteId: 1, date: "2026-12-01" },
      { enfantId: "tom", uniteId: 1, date: "2026-12-01" },
    ];
    const e = estimer(baremes, jours);
    expect(e.parEnfant.lea).toEqual({
      mois: { "2026-11": 285, "2026-12": 286 + 150 + 286 },
      semaines: { "2026-11-30": 285 + 286 + 150, "2026-12-07": 286 },
      repasEtPlaces: 4,
    });
    // a day listed twice is one day
    expect(e.parEnfant.tom).toEqual({ mois: { "2026-12": 300 }, semaines: { "2026-11-30": 300 }, repasEtPlaces: 1 });
    expect(e.famille).toEqual({
      mois: { "2026-11": 285, "2026-12": 722 + 300 },
      semaines: { "2026-11-30": 721 + 300, "2026-12-07": 286 },
    });
  });

  it("is a month's line quantity × rounded price, never the rounded sum of exact prices", () => {
    const jours = Array.from({ length: 10 }, (_, i) => ({
      enfantId: "lea",
      uniteId: 1,
      date: `2026-11-${String(i + 2).padStart(2, "0")}`,
    }));
    // 10 × 2.853 € = 28.53 € exactly, but the invoice bills 10 × 2.85 €
    expect(estimer(baremes, jours).parEnfant.lea!.mois["2026-11"]).toBe(2850);
  });

  it("counts a day without a price but adds nothing for it", () => {
    const e = estimer(baremes, [{ enfantId: "tom", uniteId: 9, date: "2026-12-02" }]);
    expect(e.parEnfant.tom).toEqual({ mois: { "2026-12": 0 }, semaines: { "2026-11-30": 0 }, repasEtPlaces: 1 });
  });
});
