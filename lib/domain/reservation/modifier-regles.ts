import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { donnerLesPlacesLibres } from "@/lib/domain/fenetre/offres";
import type { ModeValidation } from "@/lib/generated/prisma/enums";
import { dateDeJour, jourParis } from "@/lib/temps/jours";

/**
 * An activity's validation mode and its units' capacities (null: unlimited). A capacity applies to the unit's
 * opening days from today on; where it grew, the waiting list gets the new places (offered on a booking window's
 * days, booked at once on the others).
 */
export async function modifierRegles({
  activiteId,
  validation,
  capacites,
  agentId,
  now = new Date(),
}: {
  activiteId: number;
  validation: ModeValidation;
  capacites: { uniteId: number; capacite: number | null }[];
  agentId?: string;
  now?: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.activite.update({ where: { id: activiteId }, data: { validation } });
    const depuis = dateDeJour(jourParis(now));
    for (const { uniteId, capacite } of capacites) {
      const { count } = await tx.unite.updateMany({ where: { id: uniteId, activiteId }, data: { capacite } });
      if (count === 0) throw new AppError("introuvable", "Cette unité n'est pas de cette activité.");
      await tx.jourOuverture.updateMany({ where: { uniteId, date: { gte: depuis } }, data: { capacite } });
      const enAttente = await tx.reservation.groupBy({
        by: ["jourId"],
        where: { uniteId, statut: "ATTENTE", date: { gte: depuis } },
      });
      const jourIds = enAttente.map((j) => j.jourId).sort((a, b) => a - b);
      if (jourIds.length === 0) continue;
      // the same locks as a parent's save, so the count cannot be overtaken; a booking window's day offers its
      // places (fenetre/offres.ts), any other day books its oldest requests at once
      await tx.$queryRaw`SELECT id FROM "JourOuverture" WHERE id = ANY(${jourIds}) ORDER BY id FOR UPDATE`;
      const motif = capacite === null ? "capacité levée" : `capacité portée à ${capacite}`;
      await donnerLesPlacesLibres(tx, { jourIds, motif, now });
    }
    await journaliser(tx, agentId, "reservations.regles", { activiteId, validation, capacites });
  });
}
