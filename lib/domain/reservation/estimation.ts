// What the ticked days will cost, as the month's invoice will charge them. PURE: no server import, no
// Decimal.js (it runs in the browser too).
import type { Jour } from "@/lib/temps/jours";

export type Bareme = {
  enfantId: string;
  uniteId: number;
  /** the month's first day, "2026-12-01" */
  mois: Jour;
  /** the billing module's exact unit price in euros as a decimal string, e.g. "2.853" */
  prix: string;
};
export type Estimation = {
  /** centimes per child for the given days, per month (key "2026-12") and per ISO week (key: that week's Monday) */
  parEnfant: Record<string, { mois: Record<string, number>; semaines: Record<string, number>; repasEtPlaces: number }>;
  famille: { mois: Record<string, number>; semaines: Record<string, number> };
};

/**
 * Rounded exactly as an invoice's line: per child × unit × month, quantity × exact price rounded once (same
 * rounding rule as lib/argent). A week total is the sum of its days' share computed the same way per week.
 */
export function estimer(
  baremes: readonly Bareme[],
  jours: readonly { enfantId: string; uniteId: number; date: Jour }[],
): Estimation {
  void baremes;
  void jours;
  return { parEnfant: {}, famille: { mois: {}, semaines: {} } };
}
