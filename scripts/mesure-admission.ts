// Measures the admission limit (lib/web/admission-noeud.ts) for a few values of ADMISSION_CONCURRENCE: one
// PostgreSQL database with the bench's families (scripts/bench/population.ts), then for each value one node of
// the built server (scripts/serveur.ts) and autocannon on the dynamic floor (/mon-espace/plancher) and Mon
// accueil (/mon-espace) with one parent's session: requests per second, p50, p95, errors, waiting-room answers.
// The table it prints is docs/performance.md's « Admission ».
//   npx tsx --import ./scripts/server-only-hors-next.mjs scripts/mesure-admission.ts
// Env: BENCH_DATABASE_URL (a PostgreSQL server where it may create a database; else a throwaway cluster),
// ADMISSION_MESURE (the values, default "illimitee,2,4,5,8,16"), BENCH_CONNECTIONS (50), BENCH_DURATION (10 s).
import os from "node:os";
import autocannon from "autocannon";
import type { EventEmitter } from "node:events";
import { COOKIE_SESSION } from "./bench/client";
import { intEnv, percentile } from "./bench/commun";
import { peupler, pointerLaBase } from "./bench/population";
import { arreterProcessus, arreterTout, basePostgres, demarrerNoeud, portLibre } from "./bench/processus";

type Mesure = { rps: number; p50: number; p95: number; erreurs: number; salle: number };

function mesurer(url: string, cookie: string, connections: number, duration: number): Promise<Mesure> {
  return new Promise((resolve, reject) => {
    const latences: number[] = [];
    const instance = autocannon({ url, connections, duration, headers: { cookie } }, (erreur, resultat) => {
      if (erreur) return reject(erreur instanceof Error ? erreur : new Error(String(erreur)));
      latences.sort((a, b) => a - b);
      resolve({
        rps: resultat.requests.average,
        p50: percentile(latences, 50),
        p95: percentile(latences, 95),
        erreurs: resultat.non2xx + resultat.errors - (resultat.statusCodeStats?.["503"]?.count ?? 0),
        salle: resultat.statusCodeStats?.["503"]?.count ?? 0,
      });
    });
    (instance as unknown as EventEmitter).on("response", (_c: unknown, _s: number, _b: number, ms: number) =>
      latences.push(ms),
    );
  });
}

async function main() {
  const valeurs = (process.env.ADMISSION_MESURE ?? "illimitee,2,4,5,8,16").split(",");
  const connections = intEnv("BENCH_CONNECTIONS", 50, 1, 10_000);
  const duration = intEnv("BENCH_DURATION", 10, 1, 600);
  const { applyMigrations } = await import("./migrate-engine");
  const { url, version } = await basePostgres();
  await applyMigrations(url);
  await pointerLaBase(url);
  const { parents } = await peupler(intEnv("BENCH_PARENTS", 20, 1, 1_000));
  const cookie = `${COOKIE_SESSION}=${parents[0]!.jeton}`;
  const charge = () =>
    os
      .loadavg()
      .map((v) => v.toFixed(1))
      .join(" / ");
  console.log(
    `${new Date().toISOString()}, ${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cœurs, PostgreSQL ${version.split(" ")[0]}, pool ${process.env.DATABASE_POOL_SIZE ?? 5}, ${connections} connexions × ${duration} s, charge ${charge()}`,
  );
  console.log(
    "| ADMISSION_CONCURRENCE | floor req/s | floor p50 ms | floor p95 ms | Mon accueil req/s | Mon accueil p50 ms | Mon accueil p95 ms | errors | waiting room | load before |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const valeur of valeurs) {
    const avant = charge();
    const noeud = await demarrerNoeud(await portLibre(), url, { ADMISSION_CONCURRENCE: valeur, JOBS_CONCURRENCY: "0" });
    // a warm-up of each page
    for (const chemin of ["/mon-espace/plancher", "/mon-espace"]) await mesurer(noeud.baseUrl + chemin, cookie, 10, 2);
    const plancher = await mesurer(`${noeud.baseUrl}/mon-espace/plancher`, cookie, connections, duration);
    const accueil = await mesurer(`${noeud.baseUrl}/mon-espace`, cookie, connections, duration);
    const f = (n: number) => n.toFixed(1);
    console.log(
      `| ${valeur} | ${f(plancher.rps)} | ${f(plancher.p50)} | ${f(plancher.p95)} | ${f(accueil.rps)} | ${f(accueil.p50)} | ${f(accueil.p95)} | ${plancher.erreurs + accueil.erreurs} | ${plancher.salle + accueil.salle} | ${avant} |`,
    );
    await arreterProcessus(noeud.process);
  }
}

main()
  .then(
    () => arreterTout(),
    async (erreur: unknown) => {
      console.error(erreur);
      await arreterTout();
      process.exitCode = 1;
    },
  )
  .finally(() => process.exit());
