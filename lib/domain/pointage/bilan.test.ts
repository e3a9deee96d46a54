// The tally of a unit on the day's list, as the agent reads it.
import { describe, expect, it } from "vitest";
import { bilanEnClair, bilanUnite } from "@/lib/domain/pointage/bilan";

const reservee = (etat: "PRESENT" | "ABSENT" | null) => ({ reservee: true, pointage: etat ? { etat } : null });

describe("bilanUnite", () => {
  it("counts the booked children by their mark, a child present without booking on both sides", () => {
    const enfants = [
      ...Array.from({ length: 61 }, () => reservee("PRESENT")),
      ...Array.from({ length: 3 }, () => reservee("ABSENT")),
      ...Array.from({ length: 15 }, () => reservee(null)),
      { reservee: false, pointage: { etat: "PRESENT_SANS_RESERVATION" as const } },
      // cancelled after the print, not marked: not expected any more
      { reservee: false, pointage: null },
    ];
    const bilan = bilanUnite(enfants);
    expect(bilan).toEqual({ presents: 62, absents: 3, nonPointes: 15, total: 80 });
    expect(bilanEnClair(bilan)).toBe("62 / 80 présents, 3 absents, 15 non pointés");
  });

  it("says one in the singular", () => {
    expect(bilanEnClair(bilanUnite([reservee("PRESENT"), reservee("ABSENT"), reservee(null)]))).toBe(
      "1 / 3 présent, 1 absent, 1 non pointé",
    );
    expect(bilanEnClair(bilanUnite([]))).toBe("0 / 0 présent, 0 absent, 0 non pointé");
  });
});
