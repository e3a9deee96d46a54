import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cibles, STATUTS_OCCUPANTS, type UnJour } from "@/lib/domain/calendrier/cible";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { dateDeJour } from "@/lib/temps/jours";

/** One opening day less: refused while a child is booked, waiting or awaiting validation on it. */
export async function retirerJour({ agentId, ...cible }: UnJour): Promise<{ retires: number }> {
  return db().$transaction(async (tx) => {
    const { lieux, unites } = await cibles(tx, cible);
    const where = {
      date: dateDeJour(cible.date),
      uniteId: { in: unites.map((u) => u.id) },
      lieuId: { in: lieux.map((l) => l.id) },
    };
    const reservees = await tx.reservation.count({
      where: { jour: where, statut: { in: [...STATUTS_OCCUPANTS] } },
    });
    if (reservees > 0) {
      throw new AppError(
        "reserve",
        `${reservees} réservation${reservees > 1 ? "s" : ""} sur ce jour : annulez-les d'abord (ou déclarez une fermeture).`,
        "jour",
      );
    }
    const { count: retires } = await tx.jourOuverture.deleteMany({ where });
    if (retires === 0) throw new AppError("absent", "Ce jour n'est pas un jour d'ouverture.", "jour");
    await journaliser(tx, agentId, "reservations.jour_retire", { ...cible, retires });
    return { retires };
  });
}
