// "Vérifiée": the agent instructing a demande marks each of its pièces justificatives checked (or not any more),
// in the console's one PIÈCES JOINTES block. Journaled, as every agent action.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { PIECES } from "@/lib/domain/inscription/regles";

export async function marquerPieceVerifiee({
  agent,
  numero,
  pieceId,
  verifiee,
  now = new Date(),
}: {
  agent: { id: string; prenom: string; nom: string };
  numero: number;
  pieceId: string;
  verifiee: boolean;
  now?: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    // agents reach deposited demandes only, never a parent's draft
    const lien = await tx.demandePiece.findFirst({
      where: { pieceId, demande: { numero, statut: { not: "BROUILLON" } } },
      select: { demandeId: true },
    });
    if (!lien) throw new AppError("introuvable", "Cette pièce est introuvable.");
    await tx.demandePiece.update({
      where: { demandeId_pieceId: { demandeId: lien.demandeId, pieceId } },
      data: verifiee
        ? { verifieeAt: now, verifieePar: `${agent.prenom} ${agent.nom}` }
        : { verifieeAt: null, verifieePar: null },
    });
    await journal(tx, {
      event: verifiee ? "piece.verifiee" : "piece.non_verifiee",
      actorKind: "AGENT",
      actorId: agent.id,
      details: { numero, piece: pieceId },
    });
  });
}

/** The pièces of a deposited demande, for the agent's PIÈCES JOINTES block, with their mark. */
export async function piecesPourAgent(demandeId: string) {
  const lignes = await db().demandePiece.findMany({
    where: { demandeId },
    orderBy: { createdAt: "asc" },
    select: {
      verifieeAt: true,
      verifieePar: true,
      piece: { select: { id: true, type: true, nom: true, taille: true } },
    },
  });
  return lignes.map(({ piece, ...marque }) => ({ ...piece, libelle: PIECES[piece.type], ...marque }));
}
