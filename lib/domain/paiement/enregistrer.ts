// The console's commands on payments received at the régie (cheque, cash, CESU, transfer): recording one (the
// invoice it was recorded from first, then the oldest due date first) and editing its allocation. One transaction
// each, journaled.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { reaffecter } from "@/lib/domain/paiement/affectation";
import { appliquerCredits, verrouillerComptes } from "@/lib/domain/paiement/compte";
import { emettreRecu } from "@/lib/domain/paiement/recu";
import { normaliserCleEnfance } from "@/lib/cle-enfance";
import type { ModePaiement } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { resteCentimes, SELECT_MONTANTS, verrouillerFactures } from "@/lib/domain/paiement/soldes";
import { jourParis } from "@/lib/temps/jours";

/** Who the payment is from: a family by its clé enfance or its id, or the invoice it pays first. */
export type PourQui = { cleEnfance: string } | { familleId: string } | { facture: string };

async function familleDe(pour: PourQui): Promise<{ familleId: string; factureId: string | null }> {
  if ("facture" in pour) {
    const facture = await db().facture.findUnique({
      where: { numero: pour.facture },
      select: { id: true, familleId: true },
    });
    if (!facture) throw new AppError("facture", "Cette facture est introuvable.");
    return { familleId: facture.familleId, factureId: facture.id };
  }
  if ("familleId" in pour) {
    const famille = await db().famille.findUnique({ where: { id: pour.familleId }, select: { id: true } });
    if (!famille) throw new AppError("famille", "Cette famille est introuvable.");
    return { familleId: famille.id, factureId: null };
  }
  const cle = normaliserCleEnfance(pour.cleEnfance);
  const famille = cle ? await db().famille.findUnique({ where: { cleEnfance: cle }, select: { id: true } }) : null;
  if (!famille) throw new AppError("famille", "Aucune famille n'a cette clé enfance.", "cleEnfance");
  return { familleId: famille.id, factureId: null };
}

/**
 * A payment received at the régie. From an invoice, it pays that invoice first (up to what it still owes); the
 * rest, or all of it, goes to the family's oldest open invoices, and what is left is the family's credit. The
 * reçu is numbered and mailed with it. `now`: the clock (a payment is never dated in the future).
 */
export async function enregistrerPaiement({
  agentId,
  pour,
  mode,
  montantCentimes,
  date,
  reference,
  now,
}: {
  agentId: string;
  pour: PourQui;
  mode: Exclude<ModePaiement, "CB_PAYFIP">;
  montantCentimes: number;
  /** the day the money was received, YYYY-MM-DD */
  date: string;
  reference?: string;
  now: Date;
}): Promise<{ id: string }> {
  if (!Number.isSafeInteger(montantCentimes) || montantCentimes <= 0) {
    throw new AppError("montant", "Indiquez un montant en euros, par exemple 42,50.", "montant");
  }
  if (date > jourParis(now)) throw new AppError("date", "La date de réception ne peut pas être à venir.", "date");
  if (mode === "CHEQUE" && !reference?.trim()) {
    throw new AppError("reference", "Indiquez le numéro du chèque.", "reference");
  }
  const { familleId, factureId } = await familleDe(pour);
  try {
    return await db().$transaction(async (tx) => {
      const paiement = await tx.paiement.create({
        data: {
          familleId,
          montantCentimes,
          mode,
          date: new Date(`${date}T00:00:00Z`),
          reference: reference?.trim() || null,
          parAgentId: agentId,
        },
      });
      // the account's lock before the invoice's: the order appliquerCredits takes them in
      await verrouillerComptes(tx, [familleId]);
      if (factureId) await payerDAbord(tx, paiement.id, factureId, montantCentimes);
      await appliquerCredits(tx, [familleId]);
      await emettreRecu(tx, paiement.id, now);
      await journal(tx, {
        event: "paiement.enregistre",
        actorKind: "AGENT",
        actorId: agentId,
        details: { paiementId: paiement.id, familleId, mode, montantCentimes, factureId },
      });
      return { id: paiement.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("doublon", "Un paiement de ce mode porte déjà cette référence.", "reference");
    }
    throw error;
  }
}

/** The part of the payment that goes to the invoice it was recorded from: what the invoice still owes, at most. */
async function payerDAbord(tx: Tx, paiementId: string, factureId: string, montantCentimes: number) {
  await verrouillerFactures(tx, [factureId]);
  const facture = await tx.facture.findUniqueOrThrow({ where: { id: factureId }, select: SELECT_MONTANTS });
  const part = Math.min(montantCentimes, resteCentimes(facture));
  if (part > 0) await tx.affectationPaiement.create({ data: { paiementId, factureId, montantCentimes: part } });
  return part;
}

/** An agent's allocation of a payment (invoice id → cents), replacing the previous one. */
export async function modifierAffectation({
  agentId,
  paiementId,
  parts,
}: {
  agentId: string;
  paiementId: string;
  parts: Record<string, number>;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const paiement = await tx.paiement.findUnique({ where: { id: paiementId } });
    if (!paiement) throw new AppError("introuvable", "Ce paiement est introuvable.");
    await reaffecter(tx, paiement, parts);
    await journal(tx, {
      event: "paiement.reaffecte",
      actorKind: "AGENT",
      actorId: agentId,
      details: { paiementId, familleId: paiement.familleId, parts },
    });
  });
}
