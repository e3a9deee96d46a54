// Putting a job on the queue (graphile-worker, docs/decisions/0005-file-de-travaux.md) inside the caller's own
// transaction: the job exists if and only if the command commits, and the queue's trigger notifies the runners
// at the commit, so the job starts at once on PostgreSQL (within JOBS_POLL_INTERVAL_MS on the embedded PGlite,
// which does not relay notifications between connections). Plain SQL: enqueuing never loads the runner.
import type { Tx } from "@/lib/db";
import type { NomTravail } from "@/lib/jobs/noms";

export type OptionsTravail = {
  /** not before this instant (a retry, a delayed job) */
  apres?: Date;
  /** one pending job per key: adding it again replaces the pending one instead of adding a second */
  cle?: string;
  /** how many tries before the job is given up (graphile-worker's default is 25) */
  essais?: number;
};

type Executeur = Pick<Tx, "$executeRaw">;

export async function ajouterTravail(
  tx: Executeur,
  nom: NomTravail,
  charge: Record<string, unknown> = {},
  { apres, cle, essais = 5 }: OptionsTravail = {},
): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(${nom}, ${JSON.stringify(charge)}::json,
      run_at => ${apres ?? null}::timestamptz, job_key => ${cle ?? null}::text, max_attempts => ${essais}::int)`;
}
