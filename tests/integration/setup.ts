// Runs in the test worker before EACH integration test file (and before the file's own imports are
// evaluated): clone the migrated template into a fresh database and point DATABASE_URL at it, so `db()` from
// lib/db.ts (which reads DATABASE_URL at its first call) talks to this file's database only.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject, vi } from "vitest";

// The worker's processes serve file after file (isolate: false, vitest.config.mts): node_modules stay loaded,
// but the project's own modules are evaluated afresh for each file, so none keeps state (the configuration
// read once, the mail transport, the storage, the commune kept a minute) from the file before.
vi.resetModules();

const { adminUrl, template } = inject("integrationDatabase");
const database = `t_${randomBytes(6).toString("hex")}`;

// lib/db.ts keeps its client on globalThis; never let a client bound to another database leak in.
type PrismaHolder = { __portailPrisma?: { $disconnect(): Promise<void> } };
const holder = globalThis as unknown as PrismaHolder;
if (holder.__portailPrisma) {
  await holder.__portailPrisma.$disconnect();
  holder.__portailPrisma = undefined;
}

await adminQuery(adminUrl, `CREATE DATABASE "${database}" TEMPLATE "${template}"`);
process.env.DATABASE_URL = databaseUrl(adminUrl, database);
process.env.TEST_DATABASE_NAME = database;

afterAll(async () => {
  // A job runner this file started must end with the file: its process serves the next file next.
  const { arreterTravaux } = await import("@/lib/jobs/noeud");
  await arreterTravaux();
  await holder.__portailPrisma?.$disconnect();
  holder.__portailPrisma = undefined;
  // The pools just ended close their sockets a moment later: a connection still closing when FORCE terminates it
  // answers with 57P01 on a client nobody listens to any more, an uncaught error in whichever file runs next in
  // this process. So wait (2 s at most) for the file's own connections to leave, then FORCE (PostgreSQL >= 13)
  // closes what a test left open on purpose or by mistake (pg pools, listeners).
  await attendreDeconnexions(adminUrl, database);
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

// Kept here rather than imported from global-setup.ts, which loads the migration engine (WASM).
function databaseUrl(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

async function attendreDeconnexions(admin: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (let essai = 0; essai < 20; essai++) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((fin) => setTimeout(fin, 100));
    }
  } finally {
    await client.end();
  }
}

async function adminQuery(admin: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
