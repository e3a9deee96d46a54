// « Appareils mémorisés » in Mon profil: the parent's sessions opened with « Se souvenir de moi sur cet appareil »
// that still live, and forgetting one or all of them (the session revoked: that device logs in again). Always
// scoped by the caller: another space's session is, to this parent, one that does not exist.
import "server-only";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { sessionIsLive, SESSION_SOUVENIR_MS } from "@/lib/auth/sessions";

export type AppareilMemorise = {
  id: string;
  appareil: string;
  depuis: Date;
  vuLe: Date;
  /** the session this very page is read with */
  courant: boolean;
};

export async function appareilsMemorises(
  usagerId: string,
  sessionCouranteId: string,
  now = new Date(),
): Promise<AppareilMemorise[]> {
  const sessions = await db().session.findMany({
    where: {
      usagerId,
      seSouvenir: true,
      revokedAt: null,
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_SOUVENIR_MS) },
    },
    orderBy: { lastSeenAt: "desc" },
  });
  return sessions
    .filter((s) => sessionIsLive(s, now))
    .map((s) => ({
      id: s.id,
      appareil: s.appareil ?? "Appareil inconnu",
      depuis: s.createdAt,
      vuLe: s.lastSeenAt,
      courant: s.id === sessionCouranteId,
    }));
}

/**
 * « Oublier cet appareil » (one session, by its id) or « Oublier tous les appareils » (sessionId absent): the
 * remembered sessions of this parent are revoked. Returns how many; 0 for an id that is not one of theirs.
 */
export async function oublierAppareils(
  { usagerId, sessionId, ip }: { usagerId: string; sessionId?: string; ip: string },
  now = new Date(),
): Promise<number> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { usagerId, seSouvenir: true, revokedAt: null, ...(sessionId ? { id: sessionId } : {}) },
      data: { revokedAt: now },
    });
    if (count) {
      await journal(tx, {
        event: "session.appareil_oublie",
        actorKind: "USAGER",
        actorId: usagerId,
        ip,
        details: { sessions: count, tous: !sessionId },
      });
    }
    return count;
  });
}
