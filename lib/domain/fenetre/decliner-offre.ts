// « Refuser » a place offered: the day is cancelled for this child, and the place is offered at once to the next
// child of the day's waiting list (offres.ts), in the same transaction.
import { db } from "@/lib/db";
import { franchir } from "@/lib/domain/reservation/franchir";
import { offreDeLaFamille } from "@/lib/domain/fenetre/offre-famille";
import { donnerLesPlacesLibres } from "@/lib/domain/fenetre/offres";

export async function declinerOffre({
  usagerId,
  reservationId,
  now = new Date(),
}: {
  usagerId: string;
  reservationId: string;
  now?: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const offre = await offreDeLaFamille(tx, { usagerId, reservationId, now });
    await franchir(tx, {
      ids: [offre.id],
      transition: "declinerOffre",
      acteur: { kind: "USAGER", usagerId },
      complement: { offreExpireLe: null, rang: null },
      now,
    });
    await donnerLesPlacesLibres(tx, { jourIds: [offre.jourId], motif: "place refusée par la famille précédente", now });
  });
}
