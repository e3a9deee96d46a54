import { describe, expect, it } from "vitest";
import { arrondirCentimes, Decimal, euros, eurosSaisie, lireEuros } from "@/lib/argent/argent";

describe("argent", () => {
  it("rounds half away from zero, once", () => {
    expect(arrondirCentimes("415.5")).toBe(416);
    expect(arrondirCentimes("415.49")).toBe(415);
    expect(arrondirCentimes("-2.5")).toBe(-3);
    expect(arrondirCentimes("0.5")).toBe(1);
  });

  it("a line is quantity × rounded unit price, never an average (17 × 4,15 € = 70,55 €)", () => {
    expect(17 * arrondirCentimes(new Decimal("415"))).toBe(7055);
  });

  it("prints euros the French way", () => {
    expect(euros(7055)).toBe("70,55 €");
    expect(euros(123456)).toBe("1\u202f234,56 €");
    expect(euros(-5)).toBe("-0,05 €");
  });

  it("reads and writes a price typed in euros with sub-cent precision", () => {
    expect(lireEuros("4,155")!.toString()).toBe("415.5");
    expect(lireEuros("3")!.toString()).toBe("300");
    expect(lireEuros("abc")).toBeNull();
    expect(lireEuros("-1")).toBeNull();
    expect(eurosSaisie(new Decimal("415.5"))).toBe("4,155");
    expect(eurosSaisie(new Decimal("300"))).toBe("3,00");
    expect(eurosSaisie(new Decimal("312"))).toBe("3,12");
  });
});
