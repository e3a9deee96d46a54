// Runs once per `vitest --project integration` run, in the main Vitest process, before any worker starts.
//
// - TEST_DATABASE_URL set: use that server (its user needs CREATEDB). The template gets a unique name so two
//   runs against the same server do not collide; it is dropped at teardown.
// - otherwise: start a throwaway PostgreSQL cluster (initdb + pg_ctl, fsync off, 127.0.0.1, free port) in a
//   fresh temp dir, deleted at teardown. initdb refuses to run as root, so as root the cluster runs as the
//   `postgres` system user.
//
// tests/http/global-setup.ts starts its cluster and migrates its database with the same functions (exported).
// e2e/fixtures/fabrique.ts starts the end-to-end suite's cluster and migrates its database with the same
// functions (exported).
//
// In both cases the migrations (prisma/migrations, through the WASM schema engine) are applied ONCE to a
// template database; each test file then clones it in ~60 ms (tests/integration/setup.ts).
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { type Plage, portLibreDe } from "../ports";

export type IntegrationDatabase = {
  /** URL of a maintenance database (`postgres`) on the test server, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** Name of the migrated template database that each test file clones. */
  template: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    integrationDatabase: IntegrationDatabase;
  }
}

const CLUSTER_PREFIX = "portail-test-pg-";

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const external = process.env.TEST_DATABASE_URL;
  const cluster = external ? undefined : await startCluster("integration");
  const adminUrl = external ?? cluster!.adminUrl;
  const template = external ? `app_template_${process.pid}_${Date.now().toString(36)}` : "app_template";

  try {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}"`, `CREATE DATABASE "${template}"`);
    const applied = await migrate(databaseUrl(adminUrl, template));
    // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template: close whatever the
    // migration engine may have left open, then forbid new connections.
    await adminQuery(
      adminUrl,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${template}' AND pid <> pg_backend_pid()`,
      `ALTER DATABASE "${template}" WITH ALLOW_CONNECTIONS false`,
    );
    console.log(
      `[integration] ${external ? "TEST_DATABASE_URL" : `PostgreSQL ${cluster!.version} on port ${cluster!.port}`}, ` +
        `template "${template}" with ${applied.length} migration(s) applied, ready in ${Date.now() - started} ms`,
    );
  } catch (error) {
    cluster?.stop();
    throw error;
  }

  project.provide("integrationDatabase", { adminUrl, template });

  return async function teardown() {
    if (external) {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch((error: unknown) =>
        console.warn(`[integration] could not drop ${template}:`, error),
      );
    }
    cluster?.stop();
  };
}

const RESULT_MARK = "@@applied-migrations@@";

// applyMigrations (scripts/migrate-engine.ts) runs in a child process: the WASM engine may be instantiated only
// once per process and leaves a 10 s timer behind, which would keep Vitest alive after the run.
export async function migrate(connectionString: string): Promise<string[]> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const engine = join(root, "scripts/migrate-engine.ts");
  const code = `
    const m = await import(${JSON.stringify(engine)});
    const { applyMigrations } = m.applyMigrations ? m : m.default;
    const applied = await applyMigrations(process.env.MIGRATE_DATABASE_URL);
    process.stdout.write("\\n${RESULT_MARK}" + JSON.stringify(applied) + "\\n", () => process.exit(0));`;
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", code],
      {
        cwd: root,
        env: { ...process.env, MIGRATE_DATABASE_URL: connectionString },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARK));
    if (!line) throw new Error(`the migration process printed no result:\n${stdout}`);
    return JSON.parse(line.slice(RESULT_MARK.length)) as string[];
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`Migrating the test template failed:\n${stderr ?? ""}${stdout ?? ""}`, { cause: error });
  }
}

export type Cluster = { adminUrl: string; port: number; version: string; stop(): void };

function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them " +
        "(`apt-get install -y postgresql`), set PG_BIN, or set TEST_DATABASE_URL to a server whose user has CREATEDB.",
    );
  }
  return join(base, versions[0]!, "bin");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A throwaway PostgreSQL cluster, listening on a port of `plage` (tests/ports.ts). */
export async function startCluster(plage: Plage): Promise<Cluster> {
  const bin = pgBinDir();
  const asRoot = process.getuid?.() === 0;
  // initdb and postgres refuse to run as root.
  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, command), args, { stdio: "pipe" });

  cleanStaleClusters(run);

  const dir = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
  writeFileSync(join(dir, "owner.pid"), String(process.pid));
  const dataDir = join(dir, "data");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }

  const version = run("postgres", ["--version"])
    .toString()
    .trim()
    .replace(/^.*\(PostgreSQL\)\s*/, "");
  const port = await portLibreDe(plage);
  const stop = () => {
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped (or never started)
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    run("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      join(dir, "postgres.log"),
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off ` +
        `-c full_page_writes=off -c max_connections=200`,
      "-w",
      "start",
    ]);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    const log = existsSync(join(dir, "postgres.log")) ? readFileSync(join(dir, "postgres.log"), "utf8") : "";
    stop();
    throw new Error(`Could not start the throwaway PostgreSQL cluster: ${stderr}\n${log}`, { cause: error });
  }
  return { adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, version, stop };
}

// A run killed before its teardown leaves a cluster running in the temp dir: stop those whose owner is gone.
function cleanStaleClusters(run: (command: string, args: string[]) => Buffer) {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    try {
      const owner = Number(readFileSync(join(dir, "owner.pid"), "utf8"));
      if (owner && isAlive(owner)) continue;
      try {
        run("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"]);
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // not ours to judge (no owner file yet, or another user's): leave it
    }
  }
}
