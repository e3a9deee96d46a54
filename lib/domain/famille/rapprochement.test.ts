import { describe, expect, it } from "vitest";
import { cleRapprochement } from "@/lib/domain/famille/rapprochement";
import { normaliserCleEnfance, nouvelleCleEnfance } from "@/lib/cle-enfance";

describe("matching a child declared twice", () => {
  it("ignores case, accents, hyphens and spaces", () => {
    expect(cleRapprochement("ETCHART", "Hélène-Marie ", "2019-05-01")).toBe(
      cleRapprochement(" etchart", "helene marie", "2019-05-01"),
    );
  });
  it("tells apart another first name or another birth date", () => {
    const henri = cleRapprochement("Etchart", "Henri", "2019-05-01");
    expect(cleRapprochement("Etchart", "Henriette", "2019-05-01")).not.toBe(henri);
    expect(cleRapprochement("Etchart", "Henri", "2019-05-02")).not.toBe(henri);
  });
});

describe("the clé enfance", () => {
  it("has 8 symbols in two groups, without 0, O, 1, I or l", () => {
    for (let i = 0; i < 500; i++) {
      const cle = nouvelleCleEnfance();
      expect(cle).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(cle).not.toMatch(/[01OIL]/);
    }
  });
  it("reads what a parent types", () => {
    expect(normaliserCleEnfance(" k7m4 qx9p")).toBe("K7M4-QX9P");
    expect(normaliserCleEnfance("K7M4-QX9P")).toBe("K7M4-QX9P");
    expect(normaliserCleEnfance("K7M0-QX9P")).toBeNull();
    expect(normaliserCleEnfance("K7M4")).toBeNull();
  });
});
