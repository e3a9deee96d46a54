import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

/** A school year's opening of bookings (from 00:00 in Paris) and its optional read-only day. */
export async function modifierAnnee({
  anneeId,
  ouvertureReservations,
  lectureSeuleLe,
  agentId,
}: {
  anneeId: number;
  ouvertureReservations: Jour;
  lectureSeuleLe: Jour | null;
  agentId?: string;
}): Promise<void> {
  if (lectureSeuleLe && lectureSeuleLe <= ouvertureReservations) {
    throw new AppError(
      "dates",
      "La date de lecture seule doit venir après l'ouverture des réservations.",
      "lectureSeuleLe",
    );
  }
  await db().$transaction(async (tx) => {
    await tx.anneeScolaire.update({
      where: { id: anneeId },
      data: {
        ouvertureReservations: dateDeJour(ouvertureReservations),
        lectureSeuleLe: lectureSeuleLe ? dateDeJour(lectureSeuleLe) : null,
      },
    });
    await journaliser(tx, agentId, "reservations.annee", { anneeId, ouvertureReservations, lectureSeuleLe });
  });
}
