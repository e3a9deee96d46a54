// ACTUALITÉS: an agent writes one (published at once or kept as a brouillon), rewrites it, publishes or
// withdraws it, or deletes it. Each command is one transaction with its journal entry.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import type { ActualiteSaisie } from "@/lib/domain/portail/schemas";

export async function creerActualite({
  agentId,
  saisie,
}: {
  agentId: string;
  saisie: ActualiteSaisie;
}): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const { id } = await tx.actualite.create({
      data: {
        titre: saisie.titre,
        texte: saisie.texte,
        publieeLe: saisie.statut === "PUBLIEE" ? new Date() : null,
        creeeParId: agentId,
      },
    });
    await journal(tx, {
      event: "actualite.creee",
      actorKind: "AGENT",
      actorId: agentId,
      details: { actualite: id, statut: saisie.statut },
    });
    return { id };
  });
}

/**
 * Rewrites an actualité. Publishing a brouillon dates it now; a published one keeps its date (a corrected
 * typo is not news); BROUILLON takes it off the public page.
 */
export async function modifierActualite({
  agentId,
  id,
  saisie,
}: {
  agentId: string;
  id: string;
  saisie: ActualiteSaisie;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const avant = await tx.actualite.findUnique({ where: { id }, select: { publieeLe: true } });
    if (!avant) throw new AppError("introuvable", "Cette actualité n'existe plus.");
    const publieeLe = saisie.statut === "PUBLIEE" ? (avant.publieeLe ?? new Date()) : null;
    await tx.actualite.update({ where: { id }, data: { titre: saisie.titre, texte: saisie.texte, publieeLe } });
    await journal(tx, {
      event: "actualite.modifiee",
      actorKind: "AGENT",
      actorId: agentId,
      details: { actualite: id, statut: saisie.statut },
    });
  });
}

/** Publishes a brouillon (dated now) or takes a published actualité back to brouillon. */
export async function changerPublication({
  agentId,
  id,
  publier,
}: {
  agentId: string;
  id: string;
  publier: boolean;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const { count } = await tx.actualite.updateMany({
      where: { id },
      data: { publieeLe: publier ? new Date() : null },
    });
    if (count === 0) throw new AppError("introuvable", "Cette actualité n'existe plus.");
    await journal(tx, {
      event: publier ? "actualite.publiee" : "actualite.retiree",
      actorKind: "AGENT",
      actorId: agentId,
      details: { actualite: id },
    });
  });
}

export async function supprimerActualite({ agentId, id }: { agentId: string; id: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const { count } = await tx.actualite.deleteMany({ where: { id } });
    if (count === 0) throw new AppError("introuvable", "Cette actualité n'existe plus.");
    await journal(tx, {
      event: "actualite.supprimee",
      actorKind: "AGENT",
      actorId: agentId,
      details: { actualite: id },
    });
  });
}
