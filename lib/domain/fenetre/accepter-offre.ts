// « Accepter » a place offered from a booking window's waiting list, by a representant of the family, within the
// delay: the day is booked (RESERVEE) and billed like any other. One transaction, locks as every save.
import { db } from "@/lib/db";
import { repondreAOffre } from "@/lib/domain/fenetre/offre-famille";

export async function accepterOffre(entree: { usagerId: string; reservationId: string; now: Date }): Promise<void> {
  await db().$transaction((tx) => repondreAOffre(tx, { ...entree, transition: "accepterOffre" }));
}
