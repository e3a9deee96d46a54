// « Refuser » a place offered: the day is cancelled for this child, and the place is offered at once to the next
// child of the day's waiting list (offres.ts), in the same transaction.
import { db } from "@/lib/db";
import { repondreAOffre } from "@/lib/domain/fenetre/offre-famille";
import { donnerLesPlacesLibres } from "@/lib/domain/fenetre/offres";

export async function declinerOffre(entree: { usagerId: string; reservationId: string; now: Date }): Promise<void> {
  await db().$transaction(async (tx) => {
    const offre = await repondreAOffre(tx, { ...entree, transition: "declinerOffre" });
    await donnerLesPlacesLibres(tx, {
      jourIds: [offre.jourId],
      motif: "place refusée par la famille précédente",
      now: entree.now,
    });
  });
}
