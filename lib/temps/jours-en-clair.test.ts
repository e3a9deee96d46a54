import { describe, expect, it } from "vitest";
import { joursEnClair } from "@/lib/temps/jours";

describe("joursEnClair", () => {
  it("writes an invoice line's days as a parent checks them, the month after its last day", () => {
    expect(joursEnClair(["2026-11-02", "2026-11-03", "2026-11-05"])).toBe("lun. 2, mar. 3, jeu. 5 nov.");
  });

  it("sorts, drops a day given twice, says 1er and changes month", () => {
    expect(joursEnClair(["2026-10-01", "2026-09-30", "2026-09-30"])).toBe("mer. 30 sept., jeu. 1er oct.");
  });

  it("says nothing for no day", () => {
    expect(joursEnClair([])).toBe("");
  });
});
