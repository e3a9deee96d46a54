// Accepting an inscription whose pièces justificatives are not all « Vérifiée » is the agent's explicit choice:
// the console names them and asks first (« Les pièces suivantes ne sont pas vérifiées : … Accepter quand
// même ? »), and the acceptance is refused, in its transaction, unless every piece still unchecked was among
// those the agent confirmed (a piece unmarked meanwhile by a colleague is asked about again).
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PIECES } from "@/lib/domain/inscription/regles";

export type PieceNonVerifiee = { id: string; libelle: string };

/** The demande's pièces not marked « Vérifiée », in the order they were given. */
export async function piecesNonVerifiees(demandeId: string, client: Tx = db()): Promise<PieceNonVerifiee[]> {
  const lignes = await client.demandePiece.findMany({
    where: { demandeId, verifieeAt: null },
    orderBy: [{ createdAt: "asc" }, { pieceId: "asc" }],
    select: { piece: { select: { id: true, type: true } } },
  });
  return lignes.map(({ piece }) => ({ id: piece.id, libelle: PIECES[piece.type].replace(/\.$/, "") }));
}

/** The question the console asks, and the refusal's message when it was not answered. */
export const questionPiecesNonVerifiees = (pieces: PieceNonVerifiee[]) =>
  `Les pièces suivantes ne sont pas vérifiées : ${pieces.map((p) => p.libelle).join(", ")}. Accepter quand même ?`;

export async function exigerPiecesVerifiees(
  tx: Tx,
  demandeId: string,
  confirmees: readonly string[] = [],
): Promise<void> {
  const restantes = await piecesNonVerifiees(demandeId, tx);
  if (restantes.some((piece) => !confirmees.includes(piece.id)))
    throw new AppError("pieces_non_verifiees", questionPiecesNonVerifiees(restantes));
}
