import { describe, expect, it } from "vitest";
import { erreursTransport } from "@/lib/domain/transport/demarche";
import { busEnClair, transportEnClair } from "@/lib/domain/transport/texte";

describe("the transport scolaire in words", () => {
  it("says the days in the week's order and the trips", () => {
    expect(transportEnClair({ prendLeBus: true, jours: [4, 1, 2], matin: true, soir: true })).toBe(
      "Prend le bus : lundi, mardi, jeudi — matin et soir",
    );
    expect(transportEnClair({ prendLeBus: true, jours: [3], matin: false, soir: true })).toBe(
      "Prend le bus : mercredi — soir",
    );
    expect(transportEnClair({ prendLeBus: false, jours: [], matin: false, soir: false })).toBe(
      "Ne prend pas le transport scolaire",
    );
  });

  it("marks the lists in words", () => {
    expect(busEnClair({ matin: false, soir: true })).toBe("Bus du soir");
    expect(busEnClair({ matin: true, soir: false })).toBe("Bus du matin");
    expect(busEnClair({ matin: true, soir: true })).toBe("Bus du matin et du soir");
  });

  it("asks a « Oui » for a day and a trip, a « Non » for nothing", () => {
    expect(erreursTransport({ prendLeBus: true, jours: [], matin: false, soir: false })).toEqual({
      jours: "Cochez au moins un jour de transport.",
      trajets: "Cochez « Matin », « Soir » ou les deux.",
    });
    expect(erreursTransport({ prendLeBus: false, jours: [], matin: false, soir: false })).toEqual({});
  });
});
