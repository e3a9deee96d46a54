import { describe, expect, it } from "vitest";
import { etatFacture, resteCentimes } from "@/lib/domain/paiement/soldes";
import { lireCentimes } from "@/lib/domain/paiement/schemas";

const facture = (total: number, payes: number[], echeance = "2026-11-15", annulee = false) => ({
  totalCentimes: total,
  echeanceLe: new Date(`${echeance}T00:00:00Z`),
  avoir: annulee ? { id: "av" } : null,
  affectations: payes.map((montantCentimes) => ({ montantCentimes })),
});

describe("an invoice's state", () => {
  it.each([
    ["à payer before its due date", facture(4250, []), "2026-11-15T22:30:00Z", "A_PAYER", 4250],
    // 23:30 UTC on the 15th is already the 16th in Paris: late
    [
      "late from the day after its due date, in Paris",
      facture(4250, [1000]),
      "2026-11-15T23:30:00Z",
      "EN_RETARD",
      3250,
    ],
    ["paid when its allocations cover it", facture(4250, [4000, 250]), "2026-12-01T10:00:00Z", "PAYEE", 0],
    [
      "cancelled by a credit note, nothing due",
      facture(4250, [], "2026-11-15", true),
      "2026-12-01T10:00:00Z",
      "ANNULEE",
      0,
    ],
  ] as const)("%s", (_cas, f, now, etat, reste) => {
    expect(etatFacture(f, new Date(now))).toBe(etat);
    expect(resteCentimes(f)).toBe(reste);
  });

  it("counts an avoir de régularisation allocated to it as paid, beside the payments", () => {
    const f = { ...facture(4250, [1000]), affectationsAvoir: [{ montantCentimes: 3250 }] };
    expect(resteCentimes(f)).toBe(0);
    expect(etatFacture(f, new Date("2026-12-01T10:00:00Z"))).toBe("PAYEE");
    expect(resteCentimes({ ...f, affectationsAvoir: [{ montantCentimes: 250 }] })).toBe(3000);
  });
});

describe("an amount typed in euros", () => {
  it.each([
    ["42,50", 4250],
    ["42.5", 4250],
    [" 7 ", 700],
    ["0,07", 7],
    ["12,50 €", 1250],
    ["1,234", null],
    ["-3", null],
    ["douze", null],
    ["", null],
  ])("%j → %j cents", (saisie, centimes) => {
    expect(lireCentimes(saisie)).toBe(centimes);
  });
});
