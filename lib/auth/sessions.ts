// Server-side sessions, independent of Next.js (the cookie side is lib/auth/session-cookie.ts): a session is
// a row holding the SHA-256 of a random token. Idle after 30 minutes, over after 12 hours, revoked at logout
// and at a password change. A parent's session opened with « Se souvenir de moi sur cet appareil » lives 30 days
// (idle and in all) on that device, and is listed in Mon profil to be forgotten (lib/auth/appareils.ts).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { Agent, Session, Usager } from "@/lib/generated/prisma/client";

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** A remembered session's idle and absolute limit alike. */
export const SESSION_SOUVENIR_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export type Subject = { kind: "USAGER"; usagerId: string } | { kind: "AGENT"; agentId: string };

/**
 * `mfaEnAttente`: an agent past the password who still owes the TOTP code (see lib/auth/second-facteur.ts).
 * `idTokenFranceconnect`: a session opened through FranceConnect keeps its ID token, to end it there at logout.
 */
export async function openSession(
  tx: Tx,
  subject: Subject,
  ip: string,
  {
    mfaEnAttente = false,
    idTokenFranceconnect,
    seSouvenir = false,
    appareil,
  }: {
    mfaEnAttente?: boolean;
    idTokenFranceconnect?: string;
    /** « Se souvenir de moi sur cet appareil » (a parent's choice at login): 30 days */
    seSouvenir?: boolean;
    /** the device in words, from its User-Agent (lib/auth/appareil.ts) */
    appareil?: string;
  } = {},
): Promise<string> {
  const token = newToken();
  await tx.session.create({
    data: {
      tokenHash: hashToken(token),
      kind: subject.kind,
      usagerId: subject.kind === "USAGER" ? subject.usagerId : null,
      agentId: subject.kind === "AGENT" ? subject.agentId : null,
      ip,
      mfaEnAttente,
      idTokenFranceconnect,
      seSouvenir: seSouvenir && subject.kind === "USAGER",
      appareil,
    },
  });
  return token;
}

export function sessionIsLive(
  session: Pick<Session, "createdAt" | "lastSeenAt" | "revokedAt"> & { seSouvenir?: boolean },
  now: Date,
): boolean {
  const idle = session.seSouvenir ? SESSION_SOUVENIR_MS : SESSION_IDLE_MS;
  const max = session.seSouvenir ? SESSION_SOUVENIR_MS : SESSION_MAX_MS;
  return (
    !session.revokedAt &&
    now.getTime() - session.lastSeenAt.getTime() < idle &&
    now.getTime() - session.createdAt.getTime() < max
  );
}

/** How long before the session is idle « Rester connecté » is offered. */
export const ALERTE_AVANT_EXPIRATION_MS = 2 * 60 * 1000;

/**
 * When the page offers « Rester connecté », in ms: `premier` from this request (read with the session as it was
 * before this request touched it), `ensuite` from a later navigation or form sent.
 */
export function delaisAvantAlerte(
  session: Pick<Session, "lastSeenAt">,
  now = new Date(),
): { premier: number; ensuite: number } {
  const ecoule = now.getTime() - session.lastSeenAt.getTime();
  // findLiveSession moved the clock to now when it was over TOUCH_EVERY_MS behind, else left it where it was
  const depuisLeDernierPassage = ecoule > TOUCH_EVERY_MS ? 0 : Math.max(ecoule, 0);
  const ensuite = SESSION_IDLE_MS - ALERTE_AVANT_EXPIRATION_MS;
  return { premier: ensuite - depuisLeDernierPassage, ensuite };
}

/** « Rester connecté »: the idle clock of a live session moved now, whatever TOUCH_EVERY_MS says. */
export async function toucherSession(sessionId: string, now = new Date()): Promise<void> {
  await db().session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
}

export type LiveSession =
  { kind: "USAGER"; session: Session; usager: Usager } | { kind: "AGENT"; session: Session; agent: Agent };

export async function findLiveSession(token: string, now = new Date()): Promise<LiveSession | null> {
  // Every page and action asks this first, so it is one SQL statement: the session row with its subject, both
  // sides joined in the same statement (relationJoins; the side the session is not of is one null join, cheaper
  // than a second round trip). Nothing of it is kept between requests: a revoked session, a disabled agent or
  // space is refused at the next request on every node. The idle clock is moved at most once a minute, beside
  // the check rather than after it.
  const row = await db().session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { usager: true, agent: true },
  });
  if (!row) return null;
  const { usager, agent, ...session } = row;
  if (!sessionIsLive(session, now)) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now }, select: { id: true } });
  if (session.kind === "USAGER" && usager) return usager.activatedAt ? { kind: "USAGER", session, usager } : null;
  if (session.kind === "AGENT" && agent) return agent.active ? { kind: "AGENT", session, agent } : null;
  return null;
}

/** Returns the FranceConnect ID token of the session, when it was opened that way (for the provider's logout). */
export async function revokeSession(token: string): Promise<{ idTokenFranceconnect: string | null }> {
  const where = { tokenHash: hashToken(token), revokedAt: null };
  const session = await db().session.findFirst({ where, select: { idTokenFranceconnect: true } });
  await db().session.updateMany({ where, data: { revokedAt: new Date() } });
  return { idTokenFranceconnect: session?.idTokenFranceconnect ?? null };
}

/** Ends every session of a space (all of them, or all but the one making the change). */
export async function revokeUsagerSessions(tx: Tx, usagerId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { usagerId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

/** Ends every session of an agent at once (disabled, password or second factor reset by an admin). */
export async function revokeAgentSessions(tx: Tx, agentId: string): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { agentId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
