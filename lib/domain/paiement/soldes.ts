// What an invoice still owes and the state a parent and an agent see, from the invoice's total, its credit note
// (an Avoir cancels it whole) and what paid it: the parts of payments (AffectationPaiement) and of avoirs de
// régularisation (AffectationAvoir) allocated to it. Integer cents.
import type { Tx } from "@/lib/db";
import { etatFacture as etatDerive, type EtatFacture } from "@/lib/domain/paiement/etat";
import { jourDeDate, jourParis } from "@/lib/temps/jours";

export type FactureMontants = {
  totalCentimes: number;
  echeanceLe: Date;
  avoir: { id: string } | null;
  affectations: { montantCentimes: number }[];
  /** optional for the callers that build an invoice without avoirs de régularisation */
  affectationsAvoir?: { montantCentimes: number }[];
};

const somme = (parts: { montantCentimes: number }[] | undefined) =>
  (parts ?? []).reduce((total, a) => total + a.montantCentimes, 0);

/** What paid the invoice: payments and avoirs de régularisation allocated to it. */
export const payeCentimes = (facture: Pick<FactureMontants, "affectations" | "affectationsAvoir">) =>
  somme(facture.affectations) + somme(facture.affectationsAvoir);

/** What is still due (0 for a cancelled invoice). */
export function resteCentimes(facture: FactureMontants): number {
  if (facture.avoir) return 0;
  return Math.max(0, facture.totalCentimes - payeCentimes(facture));
}

/** The facturation's state of an invoice read with SELECT_MONTANTS; `now`: the clock, read by the caller. */
export function etatFacture(facture: FactureMontants, now: Date): EtatFacture {
  return etatDerive({
    totalCentimes: facture.totalCentimes,
    payeCentimes: payeCentimes(facture),
    echeance: jourDeDate(facture.echeanceLe),
    annulee: Boolean(facture.avoir),
    aujourdhui: jourParis(now),
  });
}

/** The selection that etatFacture and resteCentimes need. */
export const SELECT_MONTANTS = {
  totalCentimes: true,
  echeanceLe: true,
  avoir: { select: { id: true } },
  // a rejected debit's allocations are removed with it; the filter keeps any left from counting
  affectations: { where: { paiement: { rejeteLe: null } }, select: { montantCentimes: true } },
  affectationsAvoir: { select: { montantCentimes: true } },
} as const;

/**
 * Locks the invoices (in a stable order, so two allocations never deadlock) for the rest of the transaction:
 * whoever allocates money to an invoice reads what it still owes only after the others are done.
 */
export async function verrouillerFactures(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Facture" WHERE id = ANY(${[...new Set(ids)].sort()}::text[]) ORDER BY id FOR UPDATE`;
}
