import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { franchir } from "@/lib/domain/reservation/franchir";
import type { ModeValidation } from "@/lib/generated/prisma/enums";
import { dateDeJour, jourParis } from "@/lib/temps/jours";

/**
 * An activity's validation mode and its units' capacities (null: unlimited). A capacity applies to the unit's
 * opening days from today on; where it grew, the oldest requests of the waiting list get the new places.
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
      for (const { jourId } of enAttente.sort((a, b) => a.jourId - b.jourId)) {
        // the same lock as a parent's save, so the count cannot be overtaken
        await tx.$queryRaw`SELECT id FROM "JourOuverture" WHERE id = ${jourId} FOR UPDATE`;
        const prises = await tx.reservation.count({ where: { jourId, statut: "RESERVEE" } });
        const places = capacite === null ? undefined : capacite - prises;
        if (places !== undefined && places <= 0) continue;
        const suivantes = await tx.reservation.findMany({
          where: { jourId, statut: "ATTENTE" },
          orderBy: [{ creeeLe: "asc" }, { id: "asc" }],
          ...(places !== undefined ? { take: places } : {}),
          select: { id: true },
        });
        await franchir(tx, {
          ids: suivantes.map((s) => s.id),
          transition: "promouvoir",
          acteur: { kind: "SYSTEME" },
          motif: capacite === null ? "capacité levée" : `capacité portée à ${capacite}`,
          now,
        });
      }
    }
    await journaliser(tx, agentId, "reservations.regles", { activiteId, validation, capacites });
  });
}
