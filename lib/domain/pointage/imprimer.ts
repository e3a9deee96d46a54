// "Imprimer" of the day's lists: the first print of a lieu's day is kept (what changes after it is marked on
// the list), the last one too.
import { db } from "@/lib/db";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

export async function marquerImpression({
  agentId,
  date,
  lieuIds,
  now,
}: {
  agentId: string;
  date: Jour;
  lieuIds: number[];
  now: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const lieux = await tx.lieu.findMany({ where: { id: { in: lieuIds } }, select: { id: true } });
    for (const { id: lieuId } of lieux) {
      await tx.impressionListe.upsert({
        where: { lieuId_date: { lieuId, date: dateDeJour(date) } },
        create: { lieuId, date: dateDeJour(date), premiereLe: now, derniereLe: now, parAgentId: agentId },
        update: { derniereLe: now },
      });
    }
  });
}
