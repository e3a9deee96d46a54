// Échanges: the thread between the parent and the agents on one demande. A message may carry one piece
// (checked by its bytes before it is stored); an agent's message is flagged for the parent until read, and
// announced by a mail that never holds its content.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { getStorage } from "@/lib/storage/storage";
import { getCommune } from "@/lib/commune";
import { demandeIntrouvable, portee, type ActeurRef } from "@/lib/domain/demande/transition";
import { queueMessageMail } from "@/lib/domain/demande/mails";

export const MESSAGE_MAX = 4000;

export type PieceJointe = { bytes: Uint8Array; mime: string; nom: string };

export async function envoyerMessage({
  demandeId,
  auteur,
  contenu,
  piece,
  interne = false,
}: {
  demandeId: string;
  auteur: Exclude<ActeurRef, { kind: "SYSTEME" }>;
  contenu: string;
  piece?: PieceJointe | null;
  /** an agents' note, never shown to the parent */
  interne?: boolean;
}): Promise<{ id: string }> {
  const texte = contenu.trim();
  if (!texte && !piece) throw new AppError("vide", "Écrivez un message ou joignez un fichier.", "message");
  if (texte.length > MESSAGE_MAX)
    throw new AppError("trop_long", `Votre message dépasse ${MESSAGE_MAX} caractères.`, "message");
  const commune = await getCommune();
  // The file is written first (storage is not transactional); if the message is refused it is removed.
  const pieceKey = piece ? await getStorage().put(piece.bytes) : null;
  try {
    const message = await db().$transaction(async (tx) => {
      const demande = await tx.demande.findFirst({
        where: { id: demandeId, ...portee(auteur), statut: { not: "BROUILLON" } },
        include: { usager: true },
      });
      if (!demande || demande.numero === null) throw demandeIntrouvable();
      const auteurNom =
        auteur.kind === "AGENT" ? auteur.nom : `${demande.usager.prenoms} ${demande.usager.nomUsage.toUpperCase()}`;
      const created = await tx.demandeMessage.create({
        data: {
          demandeId,
          auteur: auteur.kind,
          auteurId: auteur.kind === "AGENT" ? auteur.agentId : auteur.usagerId,
          auteurNom,
          contenu: texte,
          interne: auteur.kind === "AGENT" && interne,
          ...(piece
            ? { pieceKey, pieceNom: nomDeFichier(piece.nom), pieceType: piece.mime, pieceTaille: piece.bytes.length }
            : {}),
        },
      });
      if (auteur.kind === "AGENT" && !interne) {
        await queueMessageMail(tx, {
          demande: { ...demande, numero: demande.numero },
          usager: demande.usager,
          commune,
        });
      }
      await journal(tx, {
        event: "demande.message",
        actorKind: auteur.kind,
        actorId: auteur.kind === "AGENT" ? auteur.agentId : auteur.usagerId,
        details: { numero: demande.numero, piece: Boolean(piece), interne },
      });
      return created;
    });
    return { id: message.id };
  } catch (error) {
    if (pieceKey) await getStorage().remove(pieceKey);
    throw error;
  }
}

/** A name safe to show and to put in a Content-Disposition header. */
export function nomDeFichier(nom: string): string {
  const propre = nom
    .replace(/[\\/\r\n"]/g, "_")
    .replace(/\p{Cc}/gu, "")
    .trim();
  return (propre || "piece-jointe").slice(-120);
}

/** The parent opened Échanges: the agents' messages are read. */
export async function marquerMessagesLus({
  usagerId,
  demandeId,
}: {
  usagerId: string;
  demandeId: string;
}): Promise<void> {
  await db().demandeMessage.updateMany({
    where: { demandeId, demande: { usagerId }, auteur: "AGENT", interne: false, luAt: null },
    data: { luAt: new Date() },
  });
}

/** The piece of a message, for its owner or an agent; null when the caller may not see it. */
export async function pieceDuMessage(
  acteur: { kind: "USAGER"; usagerId: string } | { kind: "AGENT"; agentId: string },
  messageId: string,
) {
  const message = await db().demandeMessage.findFirst({
    where: {
      id: messageId,
      pieceKey: { not: null },
      ...(acteur.kind === "USAGER" ? { interne: false, demande: { usagerId: acteur.usagerId } } : {}),
    },
    select: { pieceKey: true, pieceNom: true, pieceType: true, demande: { select: { numero: true } } },
  });
  if (!message?.pieceKey) return null;
  const bytes = await getStorage().get(message.pieceKey);
  return bytes
    ? { bytes, nom: message.pieceNom ?? "piece-jointe", type: message.pieceType ?? "application/octet-stream" }
    : null;
}

/** An agent opened the demande, whose Échanges are on the same screen: the parent's messages are read. */
export async function marquerMessagesLusParAgent({ demandeId }: { demandeId: string }): Promise<void> {
  await db().demandeMessage.updateMany({
    where: { demandeId, auteur: "USAGER", luAt: null },
    data: { luAt: new Date() },
  });
}
