import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/argent/argent";
import {
  calculateurPrix,
  lignesDeFamille,
  type JoursFactures,
  type Referentiel,
} from "@/lib/domain/facturation/calcul";

const tranches = [
  { qfMin: 0, qfMax: 600, prixCentimes: new Decimal("210") },
  { qfMin: 600, qfMax: 1000, prixCentimes: new Decimal("285") },
  { qfMin: 1000, qfMax: null, prixCentimes: new Decimal("415.5") },
];
const referentiel: Referentiel = {
  tarifs: new Map([
    [
      "1:1",
      {
        mode: "TRANCHES",
        prixCentimes: null,
        tauxEffort: null,
        minCentimes: null,
        maxCentimes: null,
        majorationCentimes: new Decimal("100"),
        tranches,
      },
    ],
  ]),
  unites: new Map([[1, { activiteId: 7, libelle: "Restauration — Menu Classique", ordre: 0, activiteOrdre: 0 }]]),
  enfants: new Map([["e", "Louise ETCHART"]]),
};
/** `quantite` days ending on `dernier`, one a day */
const jours = (quotient: number | null, quantite: number, dernier: string, majore = false): JoursFactures => ({
  enfantId: "e",
  uniteId: 1,
  anneeId: 1,
  mois: "2026-09-01",
  quotient,
  majore,
  quantite,
  dernier,
  jours: Array.from({ length: quantite }, (_, i) => `2026-09-${String(Number(dernier.slice(8)) - i).padStart(2, "0")}`),
});

describe("lignes d'une famille", () => {
  it("one line per unit price, never an average: two QFs in one bracket make one line, another bracket another", () => {
    const lignes = lignesDeFamille(
      [jours(650, 5, "2026-09-10"), jours(900, 4, "2026-09-18"), jours(1200, 8, "2026-09-30")],
      referentiel,
      calculateurPrix(referentiel.tarifs),
    );
    expect(lignes.map((l) => [l.quantite, l.prixUnitaireCentimes, l.montantCentimes, l.quotient])).toEqual([
      [9, 285, 2565, 900],
      // 4,155 € rounded once at the unit: 4,16 €
      [8, 416, 3328, 1200],
    ]);
  });

  it("a majoré day (présent sans réservation) adds the supplement before the one rounding", () => {
    const [ligne] = lignesDeFamille(
      [jours(null, 2, "2026-09-04", true)],
      referentiel,
      calculateurPrix(referentiel.tarifs),
    );
    expect([ligne!.prixUnitaireCentimes, ligne!.montantCentimes]).toEqual([516, 1032]);
  });

  it("a line carries the days it bills, in order, whatever order the groups came in", () => {
    const [ligne] = lignesDeFamille(
      [jours(900, 2, "2026-09-18"), jours(700, 3, "2026-09-04")],
      referentiel,
      calculateurPrix(referentiel.tarifs),
    );
    expect(ligne!.quantite).toBe(5);
    expect(ligne!.jours).toEqual(["2026-09-02", "2026-09-03", "2026-09-04", "2026-09-17", "2026-09-18"]);
    expect(ligne!.regularisation).toBeNull();
  });
});
