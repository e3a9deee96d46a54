// An invoice's state as the parent reads it, derived (an invoice is never edited): cancelled by an avoir, paid
// once its allocations cover it, late after its due date, otherwise to pay.
import type { Jour } from "@/lib/temps/jours";

export type EtatFacture = "ANNULEE" | "PAYEE" | "EN_RETARD" | "A_PAYER";

export const LIBELLES_ETAT: Record<EtatFacture, string> = {
  ANNULEE: "annulée",
  PAYEE: "payée",
  EN_RETARD: "en retard",
  A_PAYER: "à payer",
};

export function etatFacture(f: {
  totalCentimes: number;
  payeCentimes: number;
  echeance: Jour;
  annulee: boolean;
  aujourdhui: Jour;
}): EtatFacture {
  if (f.annulee) return "ANNULEE";
  if (f.payeCentimes >= f.totalCentimes) return "PAYEE";
  return f.aujourdhui > f.echeance ? "EN_RETARD" : "A_PAYER";
}
