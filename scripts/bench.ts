// `npm run bench [-- <scenario> …]`: the built app (its production server, scripts/serveur.ts) under load, on the embedded PGlite and on
// PostgreSQL, scenario by scenario, each with its budgets; a summary of every budget at the end.
//
// For each database of BENCH_BASES (default "pglite,postgresql"): a fresh database (PGlite in a temporary
// directory; PostgreSQL: a new database on BENCH_DATABASE_URL's server, or on a throwaway cluster started as the
// integration tests start theirs), migrations, the commune and BENCH_PARENTS families enrolled in the canteen,
// each with a session (scripts/bench/population.ts); one node; then the scenarios, in this order:
//
//   pages      scripts/bench/pages.ts      static file, /connexion, the framework's floor (/plancher-cadre), the
//                                          bench's floor, Mon accueil, the month view, the family view and the
//                                          month view's save, each with its SQL statements, time and bytes
//   connexion  scripts/bench/connexion.ts  argon2id's cost, logins per second, a parent in the login queue
//   rush       scripts/bench/rush.ts       the opening-day rush on one node, 1,000 parents within 10 s then
//                                          2,500 within 60 s, through the waiting room; the database checked after each
//   noeuds     scripts/bench/noeuds.ts     2,500 parents within 60 s through nginx to two nodes (PostgreSQL only);
//                                          throttling, sessions and the outbox across nodes
//   facturation scripts/bench/facturation.ts  the month's invoicing of 5,000 children, no server: run last, in its
//                                          own process on its own PostgreSQL database (it runs alone too)
//   prelevement scripts/bench/prelevement.ts  a debit run for 5,000 families, its pain.008 written and checked
//                                          against the XSD; no server, its own process and database, like facturation
//   pes        scripts/bench/pes.ts        the PES file of 2,500 invoices generated, checked and downloaded; no
//                                          server, its own process and database
//
// Adding a scenario: a file scripts/bench/<nom>.ts exporting `scenario: Scenario` (scripts/bench/commun.ts):
// its name, title, the databases it runs on, and executer(ctx), which gets the database, the population, the
// node, a way to start more nodes and to stop what it starts, and returns its table, budgets (with their
// measures) and notes. Import it below and put it in SCENARIOS; its budget constants live in its own file and
// its table goes in docs/performance.md (the latest run only: older ones stay in git's history).
//
// Env: BENCH_PARENTS (2500: the largest rush's parents; fewer shrinks the rushes, which say so),
// BENCH_BASES, BENCH_DATABASE_URL, BENCH_SETUP_PARALLELE (8), BENCH_REFLEXION_MS (2000), BENCH_ATTENTE_MAX_S (600:
// the longest a request may stay in the waiting room), BENCH_CONNEXIONS (200), BENCH_CONNECTIONS (50),
// BENCH_DURATION (20 s), BENCH_WARMUP (3 s), EMBEDDED_DB_PORT (54349), DATABASE_POOL_SIZE (passed to the nodes,
// see lib/db.ts).
// Exit code: 0 within every budget, 1 when a budget is broken, 2 when the bench could not run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Base, Budget, Contexte, Noeud, Scenario } from "./bench/commun";
import { intEnv, table } from "./bench/commun";
import { scenario as connexion } from "./bench/connexion";
import { scenario as noeuds } from "./bench/noeuds";
import { arreterCharge, scenario as pages } from "./bench/pages";
import { peupler, pointerLaBase } from "./bench/population";
import {
  aArreter,
  arreterTout,
  baseEmbarquee,
  basePostgres,
  construireSiBesoin,
  demarrerNoeud,
  isPortFree,
  portLibre,
  ROOT,
} from "./bench/processus";
import { scenario as rush } from "./bench/rush";

const SCENARIOS: Scenario[] = [pages, connexion, rush, noeuds];
/** Scenarios without a server, each in its own process: its last line of output is its measure. */
const SANS_SERVEUR = [
  { nom: "facturation", fichier: "scripts/bench/facturation.ts" },
  { nom: "prelevement", fichier: "scripts/bench/prelevement.ts" },
  { nom: "pes", fichier: "scripts/bench/pes.ts" },
];

let arret: Promise<never> | undefined;
function terminer(code: number): Promise<never> {
  arret ??= (async () => {
    arreterCharge();
    await arreterTout();
    process.exit(code);
  })();
  return arret;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (arret) process.exit(1);
    console.error("\nInterrompu : arrêt des serveurs et des bases…");
    void terminer(2);
  });
}

function choisir(): { scenarios: Scenario[]; sansServeur: typeof SANS_SERVEUR; bases: Base["genre"][] } {
  const noms = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const connus = [...SCENARIOS, ...SANS_SERVEUR].map((s) => s.nom);
  const inconnus = noms.filter((n) => !connus.includes(n));
  if (inconnus.length) throw new Error(`Scénario inconnu : ${inconnus.join(", ")} (${connus.join(", ")}).`);
  const bases = (process.env.BENCH_BASES || "pglite,postgresql").split(",").map((b) => b.trim());
  for (const b of bases)
    if (b !== "pglite" && b !== "postgresql") throw new Error(`BENCH_BASES : « ${b} » (pglite, postgresql).`);
  return {
    scenarios: noms.length ? SCENARIOS.filter((s) => noms.includes(s.nom)) : SCENARIOS,
    sansServeur: noms.length ? SANS_SERVEUR.filter((s) => noms.includes(s.nom)) : SANS_SERVEUR,
    bases: bases as Base["genre"][],
  };
}

async function preparerBase(genre: Base["genre"]): Promise<Base> {
  const { applyMigrations } = await import("./migrate-engine");
  let base: Base;
  if (genre === "pglite") {
    const port = intEnv("EMBEDDED_DB_PORT", 54349, 1, 65_535);
    if (!(await isPortFree(port))) throw new Error(`Le port ${port} est pris : EMBEDDED_DB_PORT=<port>.`);
    base = { genre, libelle: "PGlite embarquée", url: await baseEmbarquee(port) };
  } else {
    const { url, version } = await basePostgres();
    base = { genre, libelle: `PostgreSQL ${version.split(" ")[0]}`, url };
  }
  await applyMigrations(base.url);
  await pointerLaBase(base.url);
  return base;
}

async function main(): Promise<number> {
  const { scenarios, sansServeur, bases } = choisir();
  const nombre = intEnv("BENCH_PARENTS", 2_500, 1, 100_000);
  const cpus = os.cpus();
  console.log("Banc de mesure — Portail Famille (npm run bench)");
  console.log(`Date       : ${new Date().toISOString()}`);
  console.log(
    `Machine    : ${cpus[0]?.model.trim() ?? "?"}, ${cpus.length} cœurs, ${(os.totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}`,
  );
  console.log(
    `Charge     : ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" / ")} (moyenne 1 / 5 / 15 min avant la mesure)`,
  );
  await construireSiBesoin();
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (existsSync(buildId))
    console.log(`Build      : ${readFileSync(buildId, "utf8").trim()} du ${statSync(buildId).mtime.toISOString()}`);
  console.log(
    `Scénarios  : ${scenarios.map((s) => s.nom).join(", ")} ; bases : ${bases.join(", ")} ; ${nombre} parents`,
  );

  const tousLesBudgets: Budget[] = [];
  for (const genre of bases) {
    const aFaire = scenarios.filter((s) => (s.bases ?? ["pglite", "postgresql"]).includes(genre));
    if (aFaire.length === 0) continue;
    const t0 = Date.now();
    const base = await preparerBase(genre);
    console.log(
      `\n=== ${base.libelle} ===\nPréparation : ${nombre} familles inscrites à la cantine, chacune avec sa session…`,
    );
    const population = await peupler(nombre);
    console.log(
      `  prêtes en ${((Date.now() - t0) / 1000).toFixed(0)} s ; semaine type : ${population.semaineType.length} jours`,
    );
    const noeudsDeLaBase: Noeud[] = [];
    const demarrer = async (env: Record<string, string> = {}) => {
      const noeud = await demarrerNoeud(await portLibre(), base.url, env);
      noeudsDeLaBase.push(noeud);
      return noeud;
    };
    const ctx: Contexte = {
      base,
      population,
      // running no jobs: the SQL counted per page is the page's own
      noeud: await demarrer({ JOBS_CONCURRENCY: "0" }),
      partage: new Map(),
      demarrerNoeud: demarrer,
      portLibre,
      aLaFin: aArreter,
    };
    console.log(
      `Nœud       : scripts/serveur.ts sur ${ctx.noeud.baseUrl}, pool Prisma de ${process.env.DATABASE_POOL_SIZE ?? 5} connexions`,
    );
    for (const scenario of aFaire) {
      console.log(`\n--- ${scenario.titre} (${scenario.nom}, ${base.libelle}) ---`);
      const t = Date.now();
      const resultat = await scenario.executer(ctx);
      console.log(`${table(resultat.tableau)}\n${(resultat.notes ?? []).map((n) => `• ${n}`).join("\n")}`);
      console.log(`(${((Date.now() - t) / 1000).toFixed(0)} s)`);
      tousLesBudgets.push(...resultat.budgets);
      if (resultat.budgets.some((b) => !b.ok))
        for (const n of noeudsDeLaBase)
          if (n.journal.length) console.log(`Journal de ${n.baseUrl} :\n${n.journal.slice(-10).join("\n")}`);
    }
    await pointerLaBase("");
    await arreterTout();
  }

  for (const { nom, fichier } of sansServeur) {
    console.log(`\n--- ${nom} (${fichier}, son propre processus) ---`);
    const t = Date.now();
    const { status, stdout } = spawnSync(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--import", "./scripts/server-only-hors-next.mjs", fichier],
      { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    const derniere = stdout.trim().split("\n").at(-1) ?? "";
    console.log(`${stdout.trim()}\n(${((Date.now() - t) / 1000).toFixed(0)} s)`);
    tousLesBudgets.push({ nom, mesure: status === 2 ? "n'a pas pu tourner" : derniere, ok: status === 0 });
  }

  console.log(
    `\nBudgets (écrits dans scripts/bench/*.ts et dans docs/performance.md) :\n${table(
      tousLesBudgets.map((b) => [`  ${b.nom}`, b.mesure, b.ok ? "OK" : "DÉPASSÉ"]),
      [false, true, false],
    )}`,
  );
  for (const b of tousLesBudgets) if (!b.ok && b.pourquoi) console.log(`  ${b.nom} : ${b.pourquoi}`);
  return tousLesBudgets.every((b) => b.ok) ? 0 : 1;
}

main().then(
  (code) => terminer(code),
  (error: unknown) => {
    if (!arret)
      console.error(
        `\nLe banc n'a pas pu tourner : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    return terminer(2);
  },
);
