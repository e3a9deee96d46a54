import { describe, expect, it } from "vitest";
import { uniteSouscrite } from "@/lib/domain/reservation/unites-souscrites";

describe("the units an inscription subscribes", () => {
  it("offers only the units listed", () => {
    expect(uniteSouscrite([3, 4], 3)).toBe(true);
    expect(uniteSouscrite([3, 4], 4)).toBe(true);
    expect(uniteSouscrite([3], 5)).toBe(false);
  });

  it("offers every unit when the list is empty (inscriptions made before the choice existed)", () => {
    expect(uniteSouscrite([], 3)).toBe(true);
    expect(uniteSouscrite([], 99)).toBe(true);
  });
});
