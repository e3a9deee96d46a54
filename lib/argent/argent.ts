// Money: integer cents everywhere. A tariff's unit price may carry sub-cent precision (a Decimal in cents); it is
// rounded once, at the billed unit (a day × unit), half away from zero, exactly as PostgreSQL's round(numeric)
// does. A line is then quantity × that rounded price, never an average of prices.
import { Prisma } from "@/lib/generated/prisma/client";

export const Decimal = Prisma.Decimal;
export type Decimal = Prisma.Decimal;

/** A price in cents with sub-cent precision → whole cents, half away from zero (round(numeric) in PostgreSQL). */
export function arrondirCentimes(prix: Decimal | string | number): number {
  const valeur = new Decimal(prix).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (!Number.isSafeInteger(valeur.toNumber())) throw new Error("montant hors limites");
  return valeur.toNumber();
}

/** "1 234,56 €", as the invoice and the pages print an amount of cents. */
export function euros(centimes: number): string {
  const signe = centimes < 0 ? "-" : "";
  const abs = Math.abs(centimes);
  const entiers = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return `${signe}${entiers},${String(abs % 100).padStart(2, "0")} €`;
}

/** A price in cents with sub-cent precision, in euros for a form ("4,155"), without trailing zeros past the cent. */
export function eurosSaisie(prix: Decimal | null | undefined): string {
  if (prix === null || prix === undefined) return "";
  const texte = new Decimal(prix).dividedBy(100).toFixed(4);
  return texte.replace(/(\.\d{2}\d*?)0+$/, "$1").replace(".", ",");
}

/** "4,155" or "4.155" (euros, up to 4 decimals) → cents as a Decimal (415.5); null when it is not a price. */
export function lireEuros(texte: string): Decimal | null {
  const propre = texte.trim().replace(/\s|€/g, "").replace(",", ".");
  if (!/^\d{1,7}(\.\d{1,4})?$/.test(propre)) return null;
  return new Decimal(propre).times(100);
}
