import { describe, expect, it } from "vitest";
import { tailleLisible } from "@/lib/domain/portail/taille";

describe("tailleLisible", () => {
  it("says Ko under a Mo (never 0 Ko), Mo with one French decimal above", () => {
    expect(tailleLisible(10)).toBe("1 Ko");
    expect(tailleLisible(250 * 1024)).toBe("250 Ko");
    expect(tailleLisible(2.5 * 1024 * 1024)).toBe("2,5 Mo");
    expect(tailleLisible(10 * 1024 * 1024)).toBe("10 Mo");
  });
});
