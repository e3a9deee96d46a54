// Login throttling, kept in PostgreSQL so every node sees the same counters. Failures are counted per
// identifiant (whether or not it exists, so the answer reveals nothing) and per IP over a sliding window.
import type { Tx } from "@/lib/db";
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
