import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/argent/argent";
import { prixUnitaireCentimes, validerTarif, type TarifCalcul } from "@/lib/domain/facturation/tarif";

const tranches: TarifCalcul = {
  mode: "TRANCHES",
  prixCentimes: null,
  tauxEffort: null,
  minCentimes: null,
  maxCentimes: null,
  tranches: [
    { qfMin: 0, qfMax: 600, prixCentimes: new Decimal(150) },
    { qfMin: 600, qfMax: 1000, prixCentimes: new Decimal("250.5") },
    { qfMin: 1000, qfMax: null, prixCentimes: new Decimal(350) },
  ],
};

describe("prix unitaire", () => {
  it("brackets are half-open: the upper bound belongs to the next bracket", () => {
    expect(prixUnitaireCentimes(tranches, 0)).toBe(150);
    expect(prixUnitaireCentimes(tranches, 599)).toBe(150);
    expect(prixUnitaireCentimes(tranches, 600)).toBe(251);
    expect(prixUnitaireCentimes(tranches, 1000)).toBe(350);
  });

  it("no QF: the highest bracket", () => {
    expect(prixUnitaireCentimes(tranches, null)).toBe(350);
  });

  it("taux d'effort × QF, clamped to its minimum and maximum, rounded once", () => {
    const taux: TarifCalcul = {
      ...tranches,
      mode: "TAUX_EFFORT",
      tauxEffort: new Decimal("0.385"),
      minCentimes: new Decimal(100),
      maxCentimes: new Decimal(500),
      tranches: [],
    };
    expect(prixUnitaireCentimes(taux, 1000)).toBe(385);
    expect(prixUnitaireCentimes(taux, 1001)).toBe(385); // 385.385
    expect(prixUnitaireCentimes(taux, 1300)).toBe(500); // 500.5 clamped to 500
    expect(prixUnitaireCentimes(taux, 130)).toBe(100);
    expect(prixUnitaireCentimes(taux, null)).toBe(500);
  });
});

describe("validerTarif", () => {
  const base = { mode: "TRANCHES", qfMin0: "0", qfMax0: "600", prix0: "1,50", qfMin1: "600", qfMax1: "", prix1: "2,5" };

  it("accepts contiguous brackets", () => {
    const r = validerTarif(base);
    expect(r.ok).toBe(true);
  });

  it("refuses a gap, an overlap, a first bracket not at 0 and a closed last bracket, in French", () => {
    expect(validerTarif({ ...base, qfMin1: "700" })).toEqual({
      ok: false,
      errors: { qfMin1: "Trou entre 600 € et 700 € : cette tranche doit commencer à 600 €." },
    });
    expect(validerTarif({ ...base, qfMin1: "500" })).toEqual({
      ok: false,
      errors: { qfMin1: "Cette tranche chevauche la tranche qui commence à 0 €." },
    });
    expect(validerTarif({ ...base, qfMin0: "100" }).ok).toBe(false);
    expect(validerTarif({ ...base, qfMax1: "2000" })).toEqual({
      ok: false,
      errors: { qfMax1: "Laissez vide le QF de fin de la dernière tranche (« et plus »)." },
    });
    expect(validerTarif({ ...base, prix0: "abc" })).toEqual({
      ok: false,
      errors: { prix0: "Indiquez un montant en euros, par exemple 3,15." },
    });
  });

  it("a taux d'effort needs its minimum under its maximum", () => {
    expect(validerTarif({ mode: "TAUX_EFFORT", taux: "0,4", min: "3", max: "2" })).toEqual({
      ok: false,
      errors: { max: "Le prix maximum doit être au moins égal au minimum." },
    });
  });
});
