import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { moisTermine } from "@/lib/domain/facturation/terme-echu";

const refus = (mois: string, now: string): [string | undefined, string] | null => {
  try {
    moisTermine(mois, new Date(now));
    return null;
  } catch (error) {
    if (error instanceof AppError) return [error.field, error.message];
    throw error;
  }
};

describe("moisTermine (facturation à terme échu)", () => {
  it("refuses the current month, saying from when it can be billed, beside the month field", () => {
    expect(refus("2026-12", "2026-12-07T10:00:00Z")).toEqual([
      "mois",
      "Le mois de décembre 2026 n'est pas terminé : il pourra être facturé à partir du 1er janvier 2027.",
    ]);
  });

  it("refuses a future month", () => {
    expect(refus("2027-02", "2026-12-07T10:00:00Z")).toEqual([
      "mois",
      "Le mois de février 2027 n'est pas terminé : il pourra être facturé à partir du 1er mars 2027.",
    ]);
  });

  it("counts the days in Europe/Paris: the last evening of the month is still the month", () => {
    // 31 January 2027, 23:30 in Paris (UTC+1), then 00:30 on 1 February
    expect(refus("2027-01", "2027-01-31T22:30:00Z")?.[1]).toContain("1er février 2027");
    expect(moisTermine("2027-01", new Date("2027-01-31T23:30:00Z"))).toBe("2027-01-01");
    // summer time: 30 June 2027, 23:30 in Paris is 21:30 UTC
    expect(refus("2027-06", "2027-06-30T21:30:00Z")).not.toBeNull();
    expect(moisTermine("2027-06", new Date("2027-06-30T22:30:00Z"))).toBe("2027-06-01");
  });

  it("accepts a month long over, and refuses what is not a month", () => {
    expect(moisTermine("2026-09", new Date("2026-12-07T10:00:00Z"))).toBe("2026-09-01");
    expect(refus("2026-13", "2026-12-07T10:00:00Z")).toEqual(["mois", "Choisissez un mois."]);
    expect(refus("", "2026-12-07T10:00:00Z")).toEqual(["mois", "Choisissez un mois."]);
  });
});
