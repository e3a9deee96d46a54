// The console's commands on payments received at the régie (cheque, cash, CESU, transfer): recording one
// (allocated oldest due date first) and editing its allocation. One transaction each, journaled.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { reaffecter } from "@/lib/domain/paiement/affectation";
import { appliquerCredits } from "@/lib/domain/paiement/compte";
import { normaliserCleEnfance } from "@/lib/cle-enfance";
import type { ModePaiement } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";

export async function enregistrerPaiement({
  agentId,
  cleEnfance,
  mode,
  montantCentimes,
  date,
  reference,
}: {
  agentId: string;
  cleEnfance: string;
  mode: Exclude<ModePaiement, "CB_PAYFIP">;
  montantCentimes: number;
  /** the day the money was received, YYYY-MM-DD */
  date: string;
  reference?: string;
}): Promise<{ id: string }> {
  const cle = normaliserCleEnfance(cleEnfance);
  const famille = cle ? await db().famille.findUnique({ where: { cleEnfance: cle }, select: { id: true } }) : null;
  if (!famille) throw new AppError("famille", "Aucune famille n'a cette clé enfance.", "cleEnfance");
  try {
    return await db().$transaction(async (tx) => {
      const paiement = await tx.paiement.create({
        data: {
          familleId: famille.id,
          montantCentimes,
          mode,
          date: new Date(`${date}T00:00:00Z`),
          reference: reference || null,
          parAgentId: agentId,
        },
      });
      await appliquerCredits(tx, [famille.id]);
      await journal(tx, {
        event: "paiement.enregistre",
        actorKind: "AGENT",
        actorId: agentId,
        details: { paiementId: paiement.id, familleId: famille.id, mode, montantCentimes },
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
      details: { paiementId, parts },
    });
  });
}
