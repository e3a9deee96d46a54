// This node's share of the job queue (graphile-worker, docs/decisions/0005-file-de-travaux.md): started once
// per node from instrumentation.ts, stopped on SIGTERM through lib/arret.ts. Any number of nodes run one each on
// the same database; each job runs on one of them (the queue locks it with SKIP LOCKED), and each cron tick is
// one job for all of them. No setInterval of our own is left for background work.
import "server-only";
import { Logger, parseCronItems, run, type Runner, type WorkerEvents } from "graphile-worker";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { reprendreFacturations } from "@/lib/domain/facturation/reprendre";
import { PLANNING, taches } from "@/lib/jobs/taches";

// The queue's own messages: its failures go to our log by task, job id and error name only (an error's message
// may quote data); its chatter (each job completed) does not.
const journalDeLaFile = new Logger((scope) => (niveau, _message, meta) => {
  if (niveau !== "error" && niveau !== "warning") return;
  const erreur = meta?.error instanceof Error ? meta.error.name : undefined;
  const ligne = { evenement: "travaux.echec", tache: scope.taskIdentifier, travail: scope.jobId, erreur };
  if (niveau === "error") log.error(ligne, "travail de la file en échec");
  else log.warn(ligne, "file de travaux : avertissement");
});

type Options = {
  /** the database (default DATABASE_URL) */
  connectionString?: string;
  /** jobs run at once by this node (default JOBS_CONCURRENCY; 0: this node runs none) */
  concurrence?: number;
  /** how often an idle node looks for jobs when nothing woke it (default JOBS_POLL_INTERVAL_MS) */
  intervalleMs?: number;
  /** the periodic jobs (PLANNING); off in tests that count jobs */
  planifier?: boolean;
};

declare global {
  var __portailTravaux: { runner: Runner; arret: boolean } | undefined;
}

/** Starts this node's runner (once); returns its events (each job started, done, failed), or null if none runs. */
export async function demarrerTravaux(options: Options = {}): Promise<WorkerEvents | null> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  const concurrence = options.concurrence ?? config.jobsConcurrency;
  if (globalThis.__portailTravaux) return globalThis.__portailTravaux.runner.events;
  if (!connectionString || concurrence === 0) return null;
  const etat = { arret: false };
  const runner = await run({
    connectionString,
    concurrency: concurrence,
    maxPoolSize: concurrence + 2,
    pollInterval: options.intervalleMs ?? config.jobsPollIntervalMs,
    // PGlite is one session behind every socket: two connections preparing the same named statement collide
    noPreparedStatements: true,
    noHandleSignals: true,
    logger: journalDeLaFile,
    taskList: taches(() => etat.arret),
    parsedCronItems: parseCronItems(options.planifier === false ? [] : PLANNING),
  });
  globalThis.__portailTravaux = Object.assign(etat, { runner });
  // a run whose node died mid-way is taken up at once rather than when the queue frees its job (4 hours)
  await reprendreFacturations();
  return runner.events;
}

/**
 * At shutdown: no job starts any more; those under way finish (a mail being handed to the SMTP server), or stop
 * at their next checkpoint and go back to the queue (the month's invoicing, between two chunks).
 */
export async function arreterTravaux(): Promise<void> {
  const noeud = globalThis.__portailTravaux;
  if (!noeud) return;
  noeud.arret = true;
  globalThis.__portailTravaux = undefined;
  await noeud.runner.stop();
}
