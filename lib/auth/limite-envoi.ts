// Limits on what one request makes the portal send or reveal (a reset mail, a confirmation mail to any
// address, an identifiant tried at Créer mon espace): so many per key over a sliding hour, counted in
// PostgreSQL so every node shares them. Keys name an account ("usager:<id>"), a target address
// ("courriel:<address>") or a client address ("ip:<address>").
import type { Tx } from "@/lib/db";
import { HOUR } from "@/lib/auth/tokens";
import { lockedUntil } from "@/lib/auth/throttle";

export const LIMITE_ENVOIS = { max: 3, fenetreMs: HOUR } as const;

/**
 * Counts one more sending for every key, unless one of them has reached the limit: then nothing is counted
 * and the answer is when the next try is allowed. Run inside the command's transaction: a transaction-scoped
 * advisory lock per key serializes concurrent requests, so two at once cannot both take the last place.
 */
export async function reserverEnvoi(
  tx: Tx,
  cles: string[],
  { max, fenetreMs }: { max: number; fenetreMs: number } = LIMITE_ENVOIS,
  now = new Date(),
): Promise<Date | null> {
  // One order for every caller, so two requests sharing two keys cannot wait on each other.
  const uniques = [...new Set(cles)].sort();
  for (const cle of uniques) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`limite-envoi:${cle}`}, 0))`;
  }
  const depuis = new Date(now.getTime() - fenetreMs);
  let jusqua: Date | null = null;
  for (const cle of uniques) {
    const recents = await tx.limiteEnvoi.findMany({
      where: { cle, createdAt: { gt: depuis } },
      orderBy: { createdAt: "desc" },
      take: max,
      select: { createdAt: true },
    });
    const bloque = lockedUntil(
      recents.map((row) => row.createdAt),
      max,
      fenetreMs,
      now,
    );
    if (bloque && (!jusqua || bloque > jusqua)) jusqua = bloque;
  }
  if (jusqua) return jusqua;
  // What left the window counts no more: each key's old rows go as it is used again.
  await tx.limiteEnvoi.deleteMany({ where: { cle: { in: uniques }, createdAt: { lte: depuis } } });
  await tx.limiteEnvoi.createMany({ data: uniques.map((cle) => ({ cle, createdAt: now })) });
  return null;
}
