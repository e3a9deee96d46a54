// `npm run bench`: the login page and Mon accueil (logged in) under load, against `next start`, each compared
// with a static file (public/bench-statique.html) measured in the same run. Ratios, not absolute times, are
// what the budgets below hold: absolute times depend on the machine and on whatever else it is running.
//
// Order: build if .next/BUILD_ID is missing; database (a fresh embedded PGlite in a temporary directory, or
// BENCH_DATABASE_URL), migrations, demo data; a session for parent.demo through the app's own login(); `next
// start`; checks (the cookie gives 200 and "Bonjour", no cookie gives a redirect); a warm-up of every page;
// then the static page, the login page and Mon accueil, one after the other, each with autocannon.
//
// The embedded PGlite runs in a child process (this file with --serveur-base), as `npm start` runs it beside
// next-server: in this process, its WASM queries would stall autocannon's event loop and inflate its timings.
//
// Env: BENCH_CONNECTIONS (50), BENCH_DURATION (20 s), BENCH_WARMUP (3 s per page), PORT (3200),
// EMBEDDED_DB_PORT (54349), BENCH_DATABASE_URL (a PostgreSQL to migrate and seed instead of PGlite),
// DATABASE_POOL_SIZE (passed to the server, see lib/db.ts).
// Exit code: 0 within budget, 1 when a budget is broken, 2 when the bench could not run.
import { type ChildProcess, fork, spawn } from "node:child_process";
import type { EventEmitter } from "node:events";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { isPortFree, startEmbeddedDatabase } from "./embedded-db";

// Budgets: Mon accueil's p95 at most this many times the static page's; no error on any measured page.
const BUDGET_RATIO_P95_MON_ACCUEIL = 3;
const BUDGET_ERREURS = 0;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SELF = fileURLToPath(import.meta.url);
// The binary itself, not npx: killing npx's pid would leave next-server running.
const NEXT = path.join(ROOT, "node_modules/.bin/next");
const CHILD_FLAG = "--serveur-base";
const DEMO_PARENT = { identifiant: "parent.demo", motDePasse: "Famille-Demo-2026!" };
const STATIC_PATH = "/bench-statique.html";
const STATIC_MARKER = "Page statique de référence";

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} invalide : « ${raw} » (entier de ${min} à ${max}).`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Child mode: serve the embedded database until the parent says stop (or goes away).

type ChildMessage = { url: string } | { error: string };

async function serveDatabase(dataDir: string, port: number): Promise<void> {
  let database: Awaited<ReturnType<typeof startEmbeddedDatabase>>;
  try {
    database = await startEmbeddedDatabase({ dataDir, port });
  } catch (error) {
    process.send?.({ error: error instanceof Error ? error.message : String(error) } satisfies ChildMessage);
    process.exit(1);
  }
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    database.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Arrêt de la base embarquée :", error);
        process.exit(1);
      },
    );
  };
  process.on("message", (message) => message === "stop" && close());
  process.on("disconnect", close);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, close);
  process.send?.({ url: database.url } satisfies ChildMessage);
}

// ---------------------------------------------------------------------------------------------------------
// Parent: processes to stop, whatever happens.

let server: ChildProcess | undefined;
let databaseChild: ChildProcess | undefined;
let tempDir: string | undefined;
let load: autocannon.Instance | undefined;
let stopping: Promise<never> | undefined;
const serverLog: string[] = [];

function isRunning(proc: ChildProcess | undefined): proc is ChildProcess {
  return proc !== undefined && proc.exitCode === null && proc.signalCode === null;
}

function exited(proc: ChildProcess): Promise<void> {
  if (!isRunning(proc)) return Promise.resolve();
  return new Promise((resolve) => proc.once("exit", () => resolve()));
}

async function stopProcess(proc: ChildProcess | undefined, ask: () => void): Promise<void> {
  if (!isRunning(proc)) return;
  ask();
  const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
  await exited(proc);
  clearTimeout(timer);
}

function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    load?.stop();
    await stopProcess(server, () => server?.kill("SIGTERM"));
    await stopProcess(databaseChild, () => {
      if (databaseChild?.connected) databaseChild.send("stop");
      else databaseChild?.kill("SIGTERM");
    });
    if (tempDir) await rm(tempDir, { recursive: true, force: true }).catch((error: unknown) => console.error(error));
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    console.error("\nInterrompu : arrêt du serveur et de la base…");
    void shutdown(2);
  });
}

function startDatabaseChild(dataDir: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, [CHILD_FLAG, dataDir, String(port)], { cwd: ROOT });
    databaseChild = child;
    child.once("message", (message: ChildMessage) =>
      "url" in message ? resolve(message.url) : reject(new Error(message.error)),
    );
    child.once("exit", (code) => reject(new Error(`La base embarquée s'est arrêtée (code ${code}).`)));
  });
}

function startServer(port: number, databaseUrl: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  const child = spawn(NEXT, ["start", "-p", String(port)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  // Kept (last lines only) to show when the server fails or answers errors.
  const keep = (chunk: Buffer) => {
    serverLog.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    serverLog.splice(0, Math.max(0, serverLog.length - 40));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return child;
}

async function waitForHealth(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const proc = server;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(`next start s'est arrêté (${proc?.signalCode ?? `code ${proc?.exitCode}`}).`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/api/health n'a pas répondu 200 en ${timeoutMs / 1000} s.`);
}

async function check(url: string, headers: Record<string, string>, status: number, contains?: string): Promise<void> {
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (response.status !== status) throw new Error(`${url} : HTTP ${response.status}, ${status} attendu.`);
  if (contains && !body.includes(contains)) throw new Error(`${url} : la page ne contient pas « ${contains} ».`);
}

// ---------------------------------------------------------------------------------------------------------
// Measuring.

interface Page {
  nom: string;
  path: string;
  headers: Record<string, string>;
}

interface Mesure {
  page: Page;
  requetesParSeconde: number;
  reponses: number;
  p50: number;
  p95: number;
  erreurs: number;
  detail: string;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? Number.NaN;
}

function measure(baseUrl: string, page: Page, connections: number, duration: number): Promise<Mesure> {
  return new Promise((resolve, reject) => {
    // autocannon 9 gives p50, p90, p97_5, p99… but no p95: keep every response's latency and rank them here.
    const latencies: number[] = [];
    const instance = autocannon(
      { url: baseUrl + page.path, connections, duration, headers: page.headers },
      (error, result) => {
        load = undefined;
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        latencies.sort((a, b) => a - b);
        const codes = Object.entries(result.statusCodeStats ?? {})
          .filter(([code]) => !code.startsWith("2"))
          .map(([code, { count }]) => `HTTP ${code} × ${count ?? "?"}`);
        if (result.errors)
          codes.push(`erreurs de connexion × ${result.errors} (dont délais dépassés × ${result.timeouts})`);
        resolve({
          page,
          requetesParSeconde: result.requests.average,
          reponses: latencies.length,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          // autocannon counts timeouts among its errors: not added twice.
          erreurs: result.non2xx + result.errors,
          detail: codes.join(", "),
        });
      },
    );
    load = instance;
    // @types/autocannon declares ("response", (statusCode, bytes, ms)), but autocannon 9 emits the client first
    // (lib/run.js: tracker.emit('response', this, statusCode, resBytes, responseTime)); ms is a float.
    (instance as unknown as EventEmitter).on(
      "response",
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Output.

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—");
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} ×` : "∞");

function table(rows: string[][], rightAligned: boolean[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (rightAligned[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join("   ")
        .trimEnd(),
    )
    .join("\n");
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(URL illisible)";
  }
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const connections = intEnv("BENCH_CONNECTIONS", 50, 1, 10_000);
  const duration = intEnv("BENCH_DURATION", 20, 1, 3_600);
  const warmup = intEnv("BENCH_WARMUP", 3, 0, 600);
  const port = intEnv("PORT", 3200, 1, 65_535);
  const databasePort = intEnv("EMBEDDED_DB_PORT", 54349, 1, 65_535);
  const externalUrl = process.env.BENCH_DATABASE_URL || undefined;

  const cpus = os.cpus();
  console.log("Banc de mesure — Portail Famille (npm run bench)");
  console.log(`Date       : ${new Date().toISOString()}`);
  console.log(
    `Machine    : ${cpus[0]?.model.trim() ?? "processeur inconnu"}, ${cpus.length} cœurs, Node ${process.version}`,
  );
  console.log(
    `Charge     : ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" / ")} (moyenne 1 / 5 / 15 min avant la mesure)`,
  );

  if (!(await isPortFree(port)))
    throw new Error(`Le port ${port} est déjà utilisé : choisissez-en un autre avec PORT=<port>.`);

  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) {
    console.log("Construction de l'application (next build)…");
    const build = spawn(NEXT, ["build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "inherit",
    });
    server = build; // stopped by shutdown() on a signal
    await exited(build);
    server = undefined;
    if (build.exitCode !== 0) throw new Error("La construction a échoué (next build).");
  }
  console.log(`Build      : ${readFileSync(buildId, "utf8").trim()} du ${statSync(buildId).mtime.toISOString()}`);

  let databaseUrl: string;
  let cible: string;
  if (externalUrl) {
    databaseUrl = externalUrl;
    cible = `PostgreSQL de BENCH_DATABASE_URL (${redactUrl(externalUrl)})`;
  } else {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "portail-bench-"));
    databaseUrl = await startDatabaseChild(path.join(tempDir, "pglite"), databasePort);
    cible = `PGlite embarquée, neuve (${tempDir}, 127.0.0.1:${databasePort})`;
  }

  const { applyMigrations } = await import("./migrate-engine");
  await applyMigrations(databaseUrl);
  const { loadDemoData } = await import("./demo-seed");
  await loadDemoData(databaseUrl); // sets DATABASE_URL for lib/db.ts in this process too
  const { login } = await import("../lib/auth/login");
  const { db } = await import("../lib/db");
  const session = await login({ kind: "USAGER", ...DEMO_PARENT, ip: "127.0.0.1" });
  if (!session.ok) throw new Error(`Connexion de ${DEMO_PARENT.identifiant} refusée (${session.reason}).`);
  const [version] = await db().$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`;
  await db().$disconnect();
  console.log(`Base       : ${cible}, PostgreSQL ${version?.v ?? "?"}`);
  console.log(
    `Serveur    : next start sur le port ${port}, pool Prisma de ${process.env.DATABASE_POOL_SIZE ?? 5} connexions`,
  );
  console.log(
    `Injection  : autocannon, ${connections} connexion${connections > 1 ? "s" : ""} × ${duration} s par page (échauffement ${warmup} s par page)\n`,
  );

  server = startServer(port, databaseUrl);
  await waitForHealth(port, 60_000);

  const baseUrl = `http://127.0.0.1:${port}`;
  const cookie = { cookie: `pf_session=${session.token}` };
  const pages: Page[] = [
    { nom: "Page statique", path: STATIC_PATH, headers: {} },
    { nom: "Connexion", path: "/connexion", headers: {} },
    { nom: "Mon accueil", path: "/mon-espace", headers: cookie },
  ];
  await check(baseUrl + STATIC_PATH, {}, 200, STATIC_MARKER);
  await check(`${baseUrl}/connexion`, {}, 200, "Mon espace perso");
  await check(`${baseUrl}/mon-espace`, cookie, 200, "Bonjour");
  await check(`${baseUrl}/mon-espace`, {}, 307); // without the cookie: off to /connexion, so the cookie is what counts

  if (warmup > 0) {
    console.log("Échauffement…");
    for (const page of pages) {
      const mesure = await measure(baseUrl, page, connections, warmup);
      if (mesure.erreurs)
        console.log(`  ${page.nom} : ${mesure.erreurs} erreurs pendant l'échauffement (${mesure.detail})`);
    }
  }
  const mesures: Mesure[] = [];
  for (const page of pages) {
    console.log(`Mesure : ${page.nom} (${page.path})…`);
    mesures.push(await measure(baseUrl, page, connections, duration));
  }

  const [statique, , monAccueil] = mesures as [Mesure, Mesure, Mesure];
  console.log(
    `\n${table(
      [
        ["Page", "Chemin", "Requêtes/s", "Réponses", "p50 ms", "p95 ms", "Erreurs", "p95 / statique"],
        ...mesures.map((m) => [
          m.page.nom,
          m.page.path,
          m.requetesParSeconde.toFixed(1),
          String(m.reponses),
          ms(m.p50),
          ms(m.p95),
          String(m.erreurs),
          ratio(m.p95 / statique.p95),
        ]),
      ],
      [false, false, true, true, true, true, true, true],
    )}`,
  );
  console.log(
    "p50 et p95 : rang le plus proche sur la latence de chaque réponse reçue, tous statuts (autocannon 9 n'a pas de p95).\n" +
      "Erreurs : réponses non 2xx + erreurs de connexion (délais dépassés compris, 10 s).",
  );
  for (const m of mesures) if (m.detail) console.log(`  ${m.page.nom} : ${m.detail}`);

  const ratioMonAccueil = monAccueil.p95 / statique.p95;
  const erreurs = mesures.reduce((sum, m) => sum + m.erreurs, 0);
  const budgets = [
    {
      nom: `Mon accueil : p95 ≤ ${BUDGET_RATIO_P95_MON_ACCUEIL} × p95 de la page statique`,
      mesure: ratio(ratioMonAccueil),
      ok: ratioMonAccueil <= BUDGET_RATIO_P95_MON_ACCUEIL,
    },
    {
      nom: `Erreurs (toutes pages mesurées) ≤ ${BUDGET_ERREURS}`,
      mesure: String(erreurs),
      ok: erreurs <= BUDGET_ERREURS,
    },
  ];
  console.log(
    `\nBudgets (scripts/bench.ts) :\n${table(
      budgets.map((b) => [`  ${b.nom}`, b.mesure, b.ok ? "OK" : "DÉPASSÉ"]),
      [false, true, false],
    )}`,
  );

  if (erreurs && serverLog.length) console.log(`\nDernières lignes du serveur :\n${serverLog.join("\n")}`);
  return budgets.every((b) => b.ok) ? 0 : 1;
}

if (process.argv[2] === CHILD_FLAG) {
  void serveDatabase(process.argv[3] ?? "", Number(process.argv[4]));
} else {
  main().then(
    (code) => shutdown(code),
    (error: unknown) => {
      if (!stopping) {
        console.error(`\nLe banc n'a pas pu tourner : ${error instanceof Error ? error.message : String(error)}`);
        if (serverLog.length) console.error(`\nDernières lignes du serveur :\n${serverLog.join("\n")}`);
      }
      return shutdown(2);
    },
  );
}
