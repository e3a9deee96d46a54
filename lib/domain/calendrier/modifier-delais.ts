import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { delaiSchema, type Delai } from "@/lib/domain/calendrier/delais";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { JAMAIS_RESERVATION } from "@/lib/domain/calendrier/schemas";

/** The booking and cancelling deadlines of an activity ("jamais" only for cancelling). */
export async function modifierDelais({
  activiteId,
  reservation,
  annulation,
  agentId,
}: {
  activiteId: number;
  reservation: Delai;
  annulation: Delai;
  agentId?: string;
}): Promise<void> {
  const lue = delaiSchema.parse(reservation);
  const annul = delaiSchema.parse(annulation);
  if (lue.type === "JAMAIS") {
    throw new AppError("delai", JAMAIS_RESERVATION, "reservation-type");
  }
  await db().$transaction(async (tx) => {
    await tx.activite.update({ where: { id: activiteId }, data: { delaiReservation: lue, delaiAnnulation: annul } });
    await journaliser(tx, agentId, "reservations.delais", { activiteId, reservation: lue, annulation: annul });
  });
}
