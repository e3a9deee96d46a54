// When a node starts: the runs left « en cours » get their job again. A node killed mid-run leaves its job
// locked in the queue, which graphile-worker 0.17 frees only after 4 hours; re-adding it under the run's key
// makes a new job at once (the locked one loses its key). Should the old one still be running on a live node,
// the two executions are harmless together: each chunk re-checks, under the month's lock, what is done.
import "server-only";
import { db } from "@/lib/db";
import { travailFacturation } from "@/lib/domain/facturation/lancer";

export async function reprendreFacturations(): Promise<number> {
  const runs = await db().runFacturation.findMany({ where: { statut: "EN_COURS" }, select: { id: true } });
  for (const run of runs) await travailFacturation(db(), run.id);
  return runs.length;
}
