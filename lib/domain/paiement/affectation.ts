// An agent's allocation of a payment to a family's invoices (the automatic one, oldest due date first, is
// lib/domain/paiement/compte.ts appliquerCredits). It runs inside the caller's transaction after taking the
// family's account lock, then the invoices' (the order appliquerCredits takes them in, so the two never
// deadlock), so two allocations arriving together can never give the same euro twice.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { euros } from "@/lib/argent/argent";
import { verrouillerComptes } from "@/lib/domain/paiement/compte";
import { resteCentimes, SELECT_MONTANTS, verrouillerFactures } from "@/lib/domain/paiement/soldes";

/** The family's invoices that still owe something, oldest due date first (then oldest number). */
async function facturesOuvertes(tx: Tx, familleId: string, sauf?: string) {
  await verrouillerComptes(tx, [familleId]);
  const ids = await tx.facture.findMany({
    where: { familleId, avoir: null },
    select: { id: true },
  });
  await verrouillerFactures(
    tx,
    ids.map((f) => f.id),
  );
  const factures = await tx.facture.findMany({
    where: { familleId, avoir: null },
    select: {
      id: true,
      numero: true,
      ...SELECT_MONTANTS,
      affectations: { select: { montantCentimes: true, paiementId: true } },
    },
    orderBy: [{ echeanceLe: "asc" }, { numero: "asc" }],
  });
  return factures.map((f) => ({
    ...f,
    // an edit starts from what the payment being edited has not allocated yet
    affectations: sauf ? f.affectations.filter((a) => a.paiementId !== sauf) : f.affectations,
  }));
}

/**
 * An agent's allocation of a payment (invoice id → cents), replacing the one it had. Refused with a French
 * message beside the invoice's field when it allocates more than the invoice owes, or in all more than the
 * payment: nothing is written then.
 */
export async function reaffecter(
  tx: Tx,
  paiement: { id: string; familleId: string; montantCentimes: number },
  parts: Record<string, number>,
): Promise<void> {
  const factures = new Map((await facturesOuvertes(tx, paiement.familleId, paiement.id)).map((f) => [f.id, f]));
  let total = 0;
  for (const [factureId, montant] of Object.entries(parts)) {
    if (montant === 0) continue;
    const facture = factures.get(factureId);
    if (!facture) throw new AppError("introuvable", "Cette facture n'est pas une facture ouverte de cette famille.");
    if (montant < 0 || montant > resteCentimes(facture)) {
      throw new AppError(
        "trop",
        `La facture ${facture.numero} ne reste due que de ${euros(resteCentimes(facture))}.`,
        `facture-${factureId}`,
      );
    }
    total += montant;
  }
  if (total > paiement.montantCentimes) {
    throw new AppError("trop", "Le total affecté dépasse le montant du paiement.");
  }
  await tx.affectationPaiement.deleteMany({ where: { paiementId: paiement.id } });
  const lignes = Object.entries(parts).filter(([, montant]) => montant > 0);
  if (lignes.length) {
    await tx.affectationPaiement.createMany({
      data: lignes.map(([factureId, montantCentimes]) => ({ paiementId: paiement.id, factureId, montantCentimes })),
    });
  }
}
