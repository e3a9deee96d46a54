// The one Prisma client, for the app, its scripts (seed, agent:create) and the integration tests alike.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { lireEnvironnement } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";

declare global {
  var __portailPrisma: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  // Read here, at the first query, rather than from `config`: the start and seed scripts set DATABASE_URL once
  // the embedded database is up, and each integration test file points it at its own database.
  const { DATABASE_URL: connectionString, DATABASE_POOL_SIZE } = lireEnvironnement();
  if (!connectionString) {
    throw new Error("DATABASE_URL n'est pas défini : lancez le portail avec `npm start` ou `npm run demo`.");
  }
  // A small pool: the embedded PGlite runs one query at a time anyway, and a PostgreSQL server is shared by
  // every node behind the load balancer.
  const adapter = new PrismaPg({ connectionString, max: DATABASE_POOL_SIZE ?? 5 });
  // The embedded PGlite serves one transaction at a time: give a transaction time to wait for its turn
  // instead of Prisma's 2 s default, which a busy demo server can exceed.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
}

// Created on first use (not at import) so `next build` never needs a database, and kept on globalThis so
// development hot reloads do not open a new pool each time.
export function db(): PrismaClient {
  globalThis.__portailPrisma ??= createClient();
  return globalThis.__portailPrisma;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
