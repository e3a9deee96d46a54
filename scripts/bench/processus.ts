// The bench's processes: the databases (a fresh embedded PGlite in a child process, a throwaway PostgreSQL
// cluster started as tests/integration/global-setup.ts starts its own, or BENCH_DATABASE_URL), the server
// nodes, and whatever else a scenario asks to stop at the end. Everything started here is stopped by arreterTout(),
// on success, failure or a signal.
//
// The embedded PGlite runs in a child process (this file, forked with --serveur-base), as `npm start` runs it
// beside next-server: in the bench's process, its WASM queries would stall the load generator's event loop.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedDatabase } from "../embedded-db";
import { isPortFree } from "../port-libre";
import { adminQuery, databaseUrl, startCluster } from "../../tests/integration/global-setup";
import { portLibreDe } from "../../tests/ports";
import type { Noeud } from "./commun";

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), "../..");
// The binary itself, not npx: killing npx's pid would leave next-server running.
const NEXT = path.join(ROOT, "node_modules/.bin/next");
const SERVEUR = path.join(ROOT, "scripts/serveur.ts");
const CHILD_FLAG = "--serveur-base";

export { isPortFree };

export const portLibre = () => portLibreDe("bench");

// ---------------------------------------------------------------------------------------------------------
// What to stop at the end.

const arrets: (() => Promise<void> | void)[] = [];

/** Registers something to stop at the end (last registered, first stopped). */
export function aArreter(arret: () => Promise<void> | void): void {
  arrets.push(arret);
}

export async function arreterTout(): Promise<void> {
  while (arrets.length) {
    try {
      await arrets.pop()!();
    } catch (error) {
      console.error("Arrêt :", error);
    }
  }
}

function enMarche(proc: ChildProcess): boolean {
  return proc.exitCode === null && proc.signalCode === null;
}

export function termine(proc: ChildProcess): Promise<void> {
  if (!enMarche(proc)) return Promise.resolve();
  return new Promise((resolve) => proc.once("exit", () => resolve()));
}

export async function arreterProcessus(proc: ChildProcess, demander: () => void = () => proc.kill("SIGTERM")) {
  if (!enMarche(proc)) return;
  demander();
  const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
  await termine(proc);
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------------------
// Databases.

/** A fresh embedded PGlite in a temporary directory, served on `port` by a child process. */
export async function baseEmbarquee(port: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "portail-bench-"));
  aArreter(() => rm(dir, { recursive: true, force: true }));
  const child = fork(SELF, [CHILD_FLAG, path.join(dir, "pglite"), String(port)], { cwd: ROOT });
  aArreter(() => arreterProcessus(child, () => (child.connected ? child.send("stop") : child.kill("SIGTERM"))));
  return new Promise((resolve, reject) => {
    child.once("message", (message: { url: string } | { error: string }) =>
      "url" in message ? resolve(message.url) : reject(new Error(message.error)),
    );
    child.once("exit", (code) => reject(new Error(`La base embarquée s'est arrêtée (code ${code}).`)));
  });
}

/**
 * A PostgreSQL database of its own: a new database on BENCH_DATABASE_URL's server when it is set (its user
 * needs CREATEDB), else a throwaway cluster (tests/integration/global-setup.ts's startCluster).
 */
export async function basePostgres(): Promise<{ url: string; version: string }> {
  const externe = process.env.BENCH_DATABASE_URL || undefined;
  let adminUrl: string;
  if (externe) {
    adminUrl = externe;
  } else {
    const cluster = await startCluster("bench");
    aArreter(() => cluster.stop());
    adminUrl = cluster.adminUrl;
  }
  const nom = `portail_bench_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${nom}`);
  if (externe) aArreter(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`));
  const url = databaseUrl(adminUrl, nom);
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  await client.end();
  return { url, version };
}

async function servirBase(dataDir: string, port: number): Promise<void> {
  let database: Awaited<ReturnType<typeof startEmbeddedDatabase>>;
  try {
    database = await startEmbeddedDatabase({ dataDir, port });
  } catch (error) {
    process.send?.({ error: error instanceof Error ? error.message : String(error) });
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
  process.send?.({ url: database.url });
}

if (process.argv[2] === CHILD_FLAG) void servirBase(process.argv[3] ?? "", Number(process.argv[4]));

// ---------------------------------------------------------------------------------------------------------
// Nodes.

/** The production server on `port`, on `databaseUrl`; healthy (GET /api/health 200) when returned. */
export async function demarrerNoeud(port: number, databaseUrlNoeud: string, env: Record<string, string> = {}) {
  const journal: string[] = [];
  // the production server (scripts/serveur.ts, as scripts/start.ts and the container run it: its request log
  // included), with this process's loader flags (tsx's); not `next start`, which runs the proxy a second time
  // on a rewritten path (`/`, served by /_accueil)
  const proc = spawn(process.execPath, [...process.execArgv, SERVEUR], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrlNoeud,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      // the bench's client and its nginx are this machine's front proxies: each parent's X-Forwarded-For address
      // is the one the login's per-address counters see (scripts/bench/client.ts)
      TRUSTED_PROXY: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  aArreter(() => arreterProcessus(proc));
  // Kept (last lines only) to show when the server fails or answers errors.
  const garder = (chunk: Buffer) => {
    journal.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    journal.splice(0, Math.max(0, journal.length - 40));
  };
  proc.stdout?.on("data", garder);
  proc.stderr?.on("data", garder);
  const noeud: Noeud = { port, baseUrl: `http://127.0.0.1:${port}`, process: proc, journal };
  const limite = Date.now() + 90_000;
  while (Date.now() < limite) {
    if (!enMarche(proc)) throw new Error(`Le serveur s'est arrêté :\n${journal.join("\n")}`);
    try {
      const response = await fetch(`${noeud.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return noeud;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/api/health n'a pas répondu 200 en 90 s.`);
}

export async function construireSiBesoin(): Promise<void> {
  const { existsSync } = await import("node:fs");
  if (existsSync(path.join(ROOT, ".next/BUILD_ID"))) return;
  console.log("Construction de l'application (next build)…");
  const build = spawn(NEXT, ["build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  await termine(build);
  if (build.exitCode !== 0) throw new Error("La construction a échoué (next build).");
}

export { ROOT };
