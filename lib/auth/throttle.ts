// Login throttling, kept in PostgreSQL so every node sees the same counters. Failures are counted per
// identifiant (whether or not it exists, so the answer reveals nothing) and per IP over a sliding window.
// A try is recorded as a failure before it is checked (reserverEssai), under a lock on its keys: fifty requests
// sent at once cannot all read "4 failures" and all be checked.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { SessionKind } from "@/lib/generated/prisma/client";

export const LOGIN_LIMITS = { perIdentifiant: 5, perIp: 20, windowMs: 15 * 60 * 1000 } as const;

/**
 * When the next try is allowed, given the failures (most recent first) inside the window, or null when a
 * try is allowed now. The lock lifts as soon as the oldest failure that makes the count leaves the window.
 */
export function lockedUntil(failures: Date[], limit: number, windowMs: number, now: Date): Date | null {
  const recent = failures
    .filter((at) => now.getTime() - at.getTime() < windowMs)
    .sort((a, b) => b.getTime() - a.getTime());
  if (recent.length < limit) return null;
  const pivot = recent[limit - 1]!;
  return new Date(pivot.getTime() + windowMs);
}

export async function loginLockedUntil(
  tx: Tx,
  kind: SessionKind,
  identifiant: string,
  ip: string,
  now = new Date(),
  // The login asks for the anti-bot check past the per-address threshold instead (adresseAuDelaDuSeuil).
  { parAdresse = true }: { parAdresse?: boolean } = {},
): Promise<Date | null> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const lastSuccess = await tx.loginAttempt.findFirst({
    where: { kind, identifiant, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [byIdentifiant, byIp] = await Promise.all([
    tx.loginAttempt.findMany({
      // a successful login clears the identifiant's earlier failures
      where: { kind, identifiant, success: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
      orderBy: { createdAt: "desc" },
      take: LOGIN_LIMITS.perIdentifiant,
      select: { createdAt: true },
    }),
    parAdresse ? failuresFromIp(tx, kind, ip, since) : Promise.resolve([]),
  ]);
  const locks = [
    lockedUntil(
      byIdentifiant.map((row) => row.createdAt),
      LOGIN_LIMITS.perIdentifiant,
      LOGIN_LIMITS.windowMs,
      now,
    ),
    lockedUntil(
      byIp.map((row) => row.createdAt),
      LOGIN_LIMITS.perIp,
      LOGIN_LIMITS.windowMs,
      now,
    ),
  ].filter((date): date is Date => date !== null);
  return locks.length ? new Date(Math.max(...locks.map((date) => date.getTime()))) : null;
}

function failuresFromIp(tx: Tx, kind: SessionKind, ip: string, since: Date) {
  return tx.loginAttempt.findMany({
    where: { kind, ip, success: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: LOGIN_LIMITS.perIp,
    select: { createdAt: true },
  });
}

/**
 * True once an address has failed LOGIN_LIMITS.perIp times in the window. Thousands of parents may share one
 * address (a mobile carrier, a company): past the threshold the login asks for the anti-bot check with the
 * password rather than refusing everyone behind it, while the per-identifiant lock stays.
 */
export async function adresseAuDelaDuSeuil(tx: Tx, kind: SessionKind, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  return (await failuresFromIp(tx, kind, ip, since)).length >= LOGIN_LIMITS.perIp;
}

/**
 * Transaction-scoped advisory locks on these keys: whoever counts then inserts under them sees the rows of every
 * earlier holder. Taken in one order, so two requests sharing two keys never wait on each other crosswise.
 */
export async function verrouillerCles(tx: Tx, cles: string[]): Promise<void> {
  for (const cle of [...cles].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${cle}, 0))`;
  }
}

export type Reservation = { essaiId: bigint } | { bloqueJusqua: Date };

/**
 * Before checking a password or a code: refused while locked, otherwise the try is written at once as a failure
 * (its id returned) so concurrent tries count it; the caller marks it a success (essaiReussi) or drops it.
 */
export function reserverEssai(
  kind: SessionKind,
  identifiant: string,
  ip: string,
  now = new Date(),
  options: { parAdresse?: boolean } = {},
): Promise<Reservation> {
  return db().$transaction(async (tx) => {
    await verrouillerCles(tx, [`connexion:${kind}:id:${identifiant}`, `connexion:${kind}:ip:${ip}`]);
    const bloqueJusqua = await loginLockedUntil(tx, kind, identifiant, ip, now, options);
    if (bloqueJusqua) return { bloqueJusqua };
    const { id } = await tx.loginAttempt.create({
      data: { kind, identifiant, ip, success: false, createdAt: now },
      select: { id: true },
    });
    return { essaiId: id };
  });
}

/** The reserved try succeeded: it clears the identifiant's earlier failures (see loginLockedUntil). */
export async function essaiReussi(tx: Tx, essaiId: bigint): Promise<void> {
  await tx.loginAttempt.update({ where: { id: essaiId }, data: { success: true } });
}
