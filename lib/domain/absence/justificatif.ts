// The justificatif sent after the declaration ("le certificat suit"): accepted until the commune's delay runs
// out, while the demande is still pending; it is a message of Échanges with its piece, in one transaction
// with the absence's "reçu le" (and, when the agents had asked for it, the demande's return to them).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { dateHeure } from "@/lib/temps/dates";
import { getStorage } from "@/lib/storage/storage";
import type { PieceJointe } from "@/lib/domain/demande/messages";
import { EN_COURS } from "@/lib/domain/demande/queries";
import { franchir } from "@/lib/domain/demande/transition";
import { absenceIntrouvable, messageJustificatif } from "@/lib/domain/absence/declarer";

export async function ajouterJustificatif({
  usagerId,
  numero,
  piece,
  now,
}: {
  usagerId: string;
  numero: number;
  piece: PieceJointe;
  now: Date;
}): Promise<void> {
  const pieceKey = await getStorage().put(piece.bytes);
  try {
    await db().$transaction(async (tx) => {
      const absence = await tx.absence.findFirst({
        where: { demande: { numero, usagerId, type: "ABSENCE" } },
        select: { demandeId: true, justificatifAvant: true, demande: { select: { statut: true } } },
      });
      if (!absence) throw absenceIntrouvable();
      if (!EN_COURS.includes(absence.demande.statut))
        throw new AppError("decidee", "Cette absence est déjà traitée : le justificatif ne peut plus être ajouté.");
      if (now.getTime() > absence.justificatifAvant.getTime())
        throw new AppError(
          "delai",
          `Le délai pour fournir le justificatif a pris fin le ${dateHeure(absence.justificatifAvant)}.`,
          "justificatif",
        );
      // conditional on the delay, so a justificatif and the expiry racing each other cannot both win
      const { count } = await tx.absence.updateMany({
        where: { demandeId: absence.demandeId, justificatifAvant: { gte: now } },
        data: { justificatifRecuLe: now },
      });
      if (count === 0) throw absenceIntrouvable();
      await messageJustificatif(tx, { demandeId: absence.demandeId, usagerId, piece, pieceKey, now });
      // the agents asked for it (« à compléter »): the justificatif sends the demande back to them
      if (absence.demande.statut === "A_COMPLETER")
        await franchir(tx, {
          demandeId: absence.demandeId,
          transition: "redeposer",
          acteur: { kind: "USAGER", usagerId },
          now,
        });
      await journal(tx, {
        event: "absence.justificatif",
        actorKind: "USAGER",
        actorId: usagerId,
        details: { numero },
      });
    });
  } catch (error) {
    await getStorage().remove(pieceKey);
    throw error;
  }
}
