// « Tous présents »: every child booked on a unit's list and not yet marked is marked présent at once, in one
// transaction journaled once; the agent then marks the exceptions one by one (pointer.ts, whose later taps
// win). A child already marked keeps its mark. Same days as a single mark: today and the correction window.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { dateDeJour, type Jour } from "@/lib/temps/jours";
import { controlerJour, pointageIntrouvable } from "@/lib/domain/pointage/pointer";

export async function marquerTousPresents({
  agentId,
  uniteId,
  lieuId,
  date,
  now,
}: {
  agentId: string;
  uniteId: number;
  lieuId: number;
  date: Jour;
  now: Date;
}): Promise<{ nombre: number }> {
  return db().$transaction(async (tx) => {
    await controlerJour(tx, date, now);
    const jour = await tx.jourOuverture.findUnique({
      where: { uniteId_lieuId_date: { uniteId, lieuId, date: dateDeJour(date) } },
      select: { id: true },
    });
    if (!jour) throw pointageIntrouvable();
    const attendus = await tx.reservation.findMany({
      where: {
        jourId: jour.id,
        statut: "RESERVEE",
        enfant: { pointages: { none: { uniteId, date: dateDeJour(date) } } },
      },
      select: { enfantId: true },
    });
    const { count } = await tx.pointage.createMany({
      data: attendus.map(({ enfantId }) => ({
        enfantId,
        uniteId,
        lieuId,
        date: dateDeJour(date),
        etat: "PRESENT" as const,
        parAgentId: agentId,
        marqueLe: now,
        recuLe: now,
      })),
      // a tablet's mark arriving meanwhile is kept
      skipDuplicates: true,
    });
    await journal(tx, {
      event: "pointage.tous_presents",
      actorKind: "AGENT",
      actorId: agentId,
      details: { lieuId, uniteId, date, nombre: count },
    });
    return { nombre: count };
  });
}
