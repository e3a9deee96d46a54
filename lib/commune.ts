// The commune's settings (its name, its service's address, its zone…): every page and most mails need them, so
// they sit in the kernel, below the engine and the aggregates that read them. The Paramétrage edits them
// (lib/domain/commune/modifier.ts) and drops this node's copy.
import { cache } from "react";
import { db } from "@/lib/db";
import type { Commune } from "@/lib/generated/prisma/client";

// Every page shows the commune's name, and it changes a few times a year: each node keeps it 30 s rather
// than asking the database on every request (measured by npm run bench). When the console edits it, the
// editing node must drop this copy; other nodes follow within 30 s. Its age is read on the monotonic clock, which a
// step of the machine's wall clock does not move; a read that was under way when the copy was dropped is not kept
// (it may hold the commune as it was before the change): `generation` counts the drops.
const COMMUNE_TTL_MS = 30_000;
let kept: { commune: Commune; at: number } | undefined;
let generation = 0;

export const getCommune = cache(async (): Promise<Commune> => {
  const debut = performance.now();
  if (kept && debut - kept.at < COMMUNE_TTL_MS) return kept.commune;
  const lue = generation;
  const commune = await db().commune.findUnique({ where: { id: 1 } });
  if (!commune) throw new Error("La commune n'est pas paramétrée : lancez `npm run db:seed`.");
  if (lue === generation) kept = { commune, at: debut };
  return commune;
});

/**
 * Drops this node's copy after the Paramétrage saved the commune, so the admin sees the change at once. Other
 * nodes behind the load balancer are not told: they read the database again within COMMUNE_TTL_MS (30 s).
 */
export function oublierCommune(): void {
  kept = undefined;
  generation += 1;
}
