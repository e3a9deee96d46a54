// The lieu an agent points at, remembered (Agent.lieuPointageId): the page opens on it the next time, on
// today's list. A lieu chosen in the picker is kept; « Tous les lieux » forgets it. A lieu closed that day
// shows every lieu open, without forgetting it.
import { db } from "@/lib/db";

export async function lieuDuPointage({
  agentId,
  demande,
  ouverts,
}: {
  agentId: string;
  /** the picker's value: undefined when the page is opened without it, "" for « Tous les lieux » */
  demande: string | undefined;
  /** the lieux open that day */
  ouverts: number[];
}): Promise<number | undefined> {
  const { lieuPointageId } = await db().agent.findUniqueOrThrow({
    where: { id: agentId },
    select: { lieuPointageId: true },
  });
  const choisi =
    demande === undefined ? undefined : demande === "" ? null : ouverts.find((id) => String(id) === demande);
  if (choisi === undefined) {
    return lieuPointageId !== null && ouverts.includes(lieuPointageId) ? lieuPointageId : undefined;
  }
  if (choisi !== lieuPointageId) {
    await db().agent.update({ where: { id: agentId }, data: { lieuPointageId: choisi } });
  }
  return choisi ?? undefined;
}
