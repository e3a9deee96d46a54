// The dataset's zones, whatever the export's spelling: the metropolitan zones, Corse and the overseas académies.
import { describe, expect, it } from "vitest";
import { ZONES_SCOLAIRES, zoneDuJeu, zoneSchema } from "@/lib/domain/calendrier/zones";

describe("zoneDuJeu", () => {
  it("reads each zone as the dataset spells it, and its variants", () => {
    for (const zone of ZONES_SCOLAIRES) expect(zoneDuJeu(zone)).toBe(zone);
    expect(zoneDuJeu("zone a")).toBe("Zone A");
    expect(zoneDuJeu("La Réunion")).toBe("Réunion");
    expect(zoneDuJeu("Saint-Pierre-et-Miquelon")).toBe("Saint Pierre et Miquelon");
    expect(zoneDuJeu("Nouvelle-Calédonie")).toBe("Nouvelle Calédonie");
    expect(zoneDuJeu("Polynesie")).toBe("Polynésie");
    expect(zoneDuJeu("Zone D")).toBeNull();
  });

  it("the console's choice is one of them, or a French message", () => {
    expect(zoneSchema.parse({ zoneScolaire: "Corse" })).toEqual({ zoneScolaire: "Corse" });
    const refus = zoneSchema.safeParse({ zoneScolaire: "Zone D" });
    expect(refus.success || refus.error.issues[0]?.message).toBe(
      "Choisissez la zone de vacances scolaires de la commune.",
    );
  });
});
