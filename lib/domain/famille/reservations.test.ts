import { describe, expect, it } from "vitest";
import { jourEnLettres } from "@/lib/dates";
import { ouvertureReservations } from "@/lib/domain/famille/reservations";

describe("ouvertureReservations", () => {
  it("is the next 1 August in Paris", () => {
    expect(jourEnLettres(ouvertureReservations(new Date("2026-11-26T12:00:00Z")))).toBe("1er août 2027");
    expect(jourEnLettres(ouvertureReservations(new Date("2027-07-31T21:59:00Z")))).toBe("1er août 2027");
    // 1 August 00:00 in Paris has come: the next one is a year later
    expect(jourEnLettres(ouvertureReservations(new Date("2027-07-31T22:00:00Z")))).toBe("1er août 2028");
  });
});
