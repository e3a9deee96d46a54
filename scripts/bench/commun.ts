// What every scenario of `npm run bench` shares: its shape (Scenario), what it is handed (Contexte), its budgets,
// reading the environment, percentiles and tables. See scripts/bench.ts for how a scenario is added.
import type { ChildProcess } from "node:child_process";
import type { Suivi } from "./client";
import type { Population } from "./population";

/** A budget as the summary prints it: what it says, what one run measured, and whether it holds. */
export type Budget = { nom: string; mesure: string; ok: boolean; pourquoi?: string };

/** A node of the bench (the production server, scripts/serveur.ts), on 127.0.0.1. */
export type Noeud = { port: number; baseUrl: string; process: ChildProcess; journal: string[] };

/** The database a run of the scenarios is given: freshly migrated, seeded with the commune (seedBase). */
export type Base = {
  /** "pglite" or "postgresql" */
  genre: "pglite" | "postgresql";
  /** as printed: "PGlite embarquée", "PostgreSQL 15" */
  libelle: string;
  url: string;
};

export type Contexte = {
  base: Base;
  /** BENCH_PARENTS families, each with a child enrolled in the canteen and a session (scripts/bench/population.ts) */
  population: Population;
  /** the node every one-node scenario talks to */
  noeud: Noeud;
  /** what a scenario leaves for the next ones of the same run (the rush's figures for the two-node scenario) */
  partage: Map<string, unknown>;
  /** Starts one more node on this database (stopped at the end of the run); `env` adds to its environment. */
  demarrerNoeud(env?: Record<string, string>): Promise<Noeud>;
  /** A free port on 127.0.0.1, for a process the scenario starts itself (a proxy, a mail sink). */
  portLibre(): Promise<number>;
  /** Called when the run ends, whatever happens (a proxy, a mail sink…). */
  aLaFin(arret: () => Promise<void> | void): void;
};

export type Resultat = {
  /** What docs/performance.md's table shows: printed as is, one row per line, the first the header. */
  tableau: string[][];
  budgets: Budget[];
  notes?: string[];
};

export type Scenario = {
  /** its name on the command line: `npm run bench -- <nom>` */
  nom: string;
  titre: string;
  /** the databases it runs on (default: both) */
  bases?: Base["genre"][];
  executer(ctx: Contexte): Promise<Resultat>;
};

export function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} invalide : « ${raw} » (entier de ${min} à ${max}).`);
  return value;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? Number.NaN;
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
export const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} ×` : "∞");
export const pourcent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(0)} %` : "—");

export function table(rows: string[][], rightAligned?: boolean[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const droite = rightAligned ?? rows[0]!.map((_, column) => column > 0);
  return rows
    .map((row) =>
      row
        .map((cell = "", column) => (droite[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join("   ")
        .trimEnd(),
    )
    .join("\n");
}

/** A fresh record of the time spent in the waiting room (scripts/bench/client.ts, envoyer). */
export const nouveauSuivi = (): Suivi => ({ attenteMs: 0, passages: 0 });

/**
 * The latencies of one step of a scenario, and its failures with their reasons. A latency runs from the first
 * request sent to the expected answer, the time in the waiting room included (what the parent waited); that
 * time is also kept apart, for each request that saw the waiting room.
 */
export class Etape {
  readonly latences: number[] = [];
  readonly echecs = new Map<string, number>();
  /** ms spent in the waiting room, one value per request that saw it (failed or not) */
  readonly attentes: number[] = [];
  debut = Number.POSITIVE_INFINITY;
  fin = 0;
  constructor(readonly nom: string) {}

  /**
   * Times `travail`, handing it a record of the waiting room to fill; a thrown Error counts as a failure, its
   * message as the reason. `parParent` (a parent's own record across steps) gets the time waited added.
   */
  async mesurer<T>(travail: (suivi: Suivi) => Promise<T>, parParent?: Suivi): Promise<T | undefined> {
    const t0 = performance.now();
    const suivi = nouveauSuivi();
    this.debut = Math.min(this.debut, t0);
    try {
      const resultat = await travail(suivi);
      this.latences.push(performance.now() - t0);
      return resultat;
    } catch (error) {
      const raison = error instanceof Error ? error.message : String(error);
      this.echecs.set(raison, (this.echecs.get(raison) ?? 0) + 1);
      return undefined;
    } finally {
      this.fin = Math.max(this.fin, performance.now());
      if (suivi.passages > 0) this.attentes.push(suivi.attenteMs);
      if (parParent) {
        parParent.attenteMs += suivi.attenteMs;
        parParent.passages += suivi.passages;
      }
    }
  }

  get erreurs(): number {
    return [...this.echecs.values()].reduce((a, b) => a + b, 0);
  }

  /** p50, p95, p99 and the max of the successful requests, in ms. */
  centiles(): { p50: number; p95: number; p99: number; max: number } {
    const tries = [...this.latences].sort((a, b) => a - b);
    return {
      p50: percentile(tries, 50),
      p95: percentile(tries, 95),
      p99: percentile(tries, 99),
      max: tries.at(-1) ?? Number.NaN,
    };
  }

  /** Successful requests per second between the step's first start and its last end. */
  debit(): number {
    const duree = (this.fin - this.debut) / 1000;
    return duree > 0 ? this.latences.length / duree : Number.NaN;
  }

  ligne(): string[] {
    const c = this.centiles();
    const attentes = [...this.attentes].sort((a, b) => a - b);
    return [
      this.nom,
      String(this.latences.length),
      this.debit().toFixed(1),
      ms(c.p50),
      ms(c.p95),
      ms(c.p99),
      ms(c.max),
      String(this.erreurs),
      String(attentes.length),
      attentes.length ? ms(percentile(attentes, 95)) : "—",
    ];
  }

  detail(): string {
    return [...this.echecs].map(([raison, n]) => `${raison} × ${n}`).join(" ; ");
  }
}

export const ENTETE_ETAPES = [
  "Étape",
  "Réussies",
  "par s",
  "p50 ms",
  "p95 ms",
  "p99 ms",
  "max ms",
  "Erreurs",
  "En salle d'attente",
  "attente p95 ms",
];

/** Runs `travail` for each item with at most `parallele` at once; the items' order is kept in the results. */
export async function enParallele<T, R>(items: T[], parallele: number, travail: (item: T, i: number) => Promise<R>) {
  const resultats: R[] = new Array(items.length);
  let suivant = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallele, items.length) }, async () => {
      while (suivant < items.length) {
        const i = suivant++;
        resultats[i] = await travail(items[i]!, i);
      }
    }),
  );
  return resultats;
}

export const attendre = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
