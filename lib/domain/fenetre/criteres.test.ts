import { describe, expect, it } from "vitest";
import { CRITERES, memeVille, pointsDe, type DonneesCriteres } from "@/lib/domain/fenetre/criteres";
import { raisonEnClair } from "@/lib/domain/fenetre/resultats";

const donnees: DonneesCriteres = {
  commune: "Saint-Étienne-de-Baïgorry",
  enfants: new Map([
    ["fratrie", new Set(["a", "b"])],
    ["seul", new Set(["c"])],
  ]),
  parents: new Map([
    [
      "fratrie",
      [
        { profession: "Infirmière", employeur: null },
        { profession: "  ", employeur: "Mairie" },
      ],
    ],
    [
      "seul",
      [
        { profession: "Boulanger", employeur: null },
        { profession: null, employeur: " " },
      ],
    ],
  ]),
  ville: new Map([
    ["fratrie", "saint etienne de baigorry"],
    ["seul", "Bayonne"],
  ]),
};

describe("the window's priorities", () => {
  it("FRATRIE: another child of the household asked or is booked", () => {
    expect(CRITERES.FRATRIE({ familleId: "fratrie", enfantId: "a" }, donnees)).toBe(true);
    expect(CRITERES.FRATRIE({ familleId: "seul", enfantId: "c" }, donnees)).toBe(false);
  });

  it("PARENTS_TRAVAILLENT: every parent with authority declares a profession or an employer", () => {
    expect(CRITERES.PARENTS_TRAVAILLENT({ familleId: "fratrie", enfantId: "a" }, donnees)).toBe(true);
    expect(CRITERES.PARENTS_TRAVAILLENT({ familleId: "seul", enfantId: "c" }, donnees)).toBe(false);
    expect(CRITERES.PARENTS_TRAVAILLENT({ familleId: "inconnue", enfantId: "d" }, donnees)).toBe(false);
  });

  it("RESIDENT_COMMUNE: the titulaire's town is the commune, case, accents and hyphens ignored", () => {
    expect(memeVille("Saint-Étienne-de-Baïgorry", "SAINT ETIENNE DE BAIGORRY")).toBe(true);
    expect(memeVille("Bayonne", "Anglet")).toBe(false);
    expect(CRITERES.RESIDENT_COMMUNE({ familleId: "fratrie", enfantId: "a" }, donnees)).toBe(true);
    expect(CRITERES.RESIDENT_COMMUNE({ familleId: "seul", enfantId: "c" }, donnees)).toBe(false);
  });

  it("sums the points of the criteria met, and says them in words with the seed", () => {
    const criteres = [
      { critere: "FRATRIE", points: 30 },
      { critere: "PARENTS_TRAVAILLENT", points: 10 },
      { critere: "RESIDENT_COMMUNE", points: 20 },
    ] as const;
    const a = pointsDe({ familleId: "fratrie", enfantId: "a" }, criteres, donnees);
    expect(a).toEqual({ points: 60, criteres: ["FRATRIE", "PARENTS_TRAVAILLENT", "RESIDENT_COMMUNE"] });
    expect(pointsDe({ familleId: "seul", enfantId: "c" }, criteres, donnees)).toEqual({ points: 0, criteres: [] });
    expect(raisonEnClair(["FRATRIE", "RESIDENT_COMMUNE"], criteres, "7f3a")).toBe(
      "priorité : frère ou sœur inscrit (30 points), résident de la commune (20 points) ; à égalité, tirage au sort (graine publiée : 7f3a)",
    );
    expect(raisonEnClair([], criteres, "7f3a")).toBe(
      "aucune priorité retenue ; à égalité, tirage au sort (graine publiée : 7f3a)",
    );
  });
});
