// « Accepter » a place offered from a booking window's waiting list, by a representant of the family, within the
// delay: the day is booked (RESERVEE) and billed like any other. One transaction, locks as every save.
import { db } from "@/lib/db";
import { franchir } from "@/lib/domain/reservation/franchir";
import { offreDeLaFamille } from "@/lib/domain/fenetre/offre-famille";

export async function accepterOffre({
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
      transition: "accepterOffre",
      acteur: { kind: "USAGER", usagerId },
      complement: { offreExpireLe: null, rang: null },
      now,
    });
  });
}
