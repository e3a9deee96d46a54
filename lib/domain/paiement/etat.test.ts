import { describe, expect, it } from "vitest";
import { etatFacture } from "@/lib/domain/paiement/etat";

describe("état d'une facture", () => {
  const f = { totalCentimes: 5000, payeCentimes: 0, echeance: "2026-11-30", annulee: false, aujourdhui: "2026-11-30" };
  it.each([
    [{}, "A_PAYER"],
    [{ aujourdhui: "2026-12-01" }, "EN_RETARD"],
    [{ payeCentimes: 4999, aujourdhui: "2026-12-01" }, "EN_RETARD"],
    [{ payeCentimes: 5000, aujourdhui: "2026-12-01" }, "PAYEE"],
    [{ annulee: true, payeCentimes: 5000 }, "ANNULEE"],
  ])("%o → %s", (changement, etat) => {
    expect(etatFacture({ ...f, ...changement })).toBe(etat);
  });
});
