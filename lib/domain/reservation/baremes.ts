// The unit prices the billing module would apply now to the caller's children, for the family's estimate.
import type { Jour } from "@/lib/temps/jours";
import type { Bareme } from "@/lib/domain/reservation/estimation";

/**
 * For every child × unit of the caller's families' ACTIVE inscriptions, with the family's QF at that month and
 * the year's tarif (the billing module's own functions).
 */
export async function baremesDeLaFamille(args: {
  usagerId: string;
  mois: readonly Jour[];
  now: Date;
}): Promise<Bareme[]> {
  void args;
  return [];
}
