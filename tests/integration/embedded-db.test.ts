// The embedded database serves many connections on one PGlite session. pglite-socket's own queue let two
// connections' extended-protocol exchanges interleave outside transactions, and the app's Prisma client then
// failed now and then under e2e load ("bind message supplies 3 parameters, but prepared statement "" requires
// 2"). scripts/pglite-server.ts keeps the session for one connection until its exchange ends; this runs the
// app's own kind of traffic (Prisma with its pg adapter, transactions included) through it, concurrently.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/scripts/migrate-engine";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/scripts/embedded-db";

let dir: string;
let database: EmbeddedDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "portail-pglite-"));
  database = await startEmbeddedDatabase({ dataDir: path.join(dir, "pglite"), port: 0 });
  await applyMigrations(database.url);
  // as lib/db.ts builds it
  prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url, max: 8 }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.stop();
  await rm(dir, { recursive: true, force: true });
});

it("serves concurrent queries of different shapes and transactions from 8 connections without a mix-up", async () => {
  await prisma.commune.create({ data: { nom: "Villefranque", serviceEmail: "enfance@exemple.fr" } });
  const work = Array.from({ length: 300 }, (_, i) => {
    switch (i % 3 === 2 && i % 5 !== 0 ? 1 : i % 3) {
      case 0:
        return prisma.commune
          .findFirst({ where: { nom: "Villefranque", serviceEmail: "enfance@exemple.fr", id: 1 } })
          .then((c) => c?.id === 1);
      case 1:
        return prisma.loginAttempt
          .create({ data: { kind: "USAGER", identifiant: `id${i}`, ip: "192.0.2.1", success: false } })
          .then(() => true);
      default:
        return prisma.$transaction(async (tx) => {
          const count = await tx.loginAttempt.count({ where: { identifiant: { startsWith: "id" } } });
          await tx.journalEntry.create({ data: { event: "test", details: { count } } });
          return true;
        });
    }
  });
  const results = await Promise.allSettled(work);
  const failures = results
    .filter((r) => r.status === "rejected")
    .map((r) => String((r as PromiseRejectedResult).reason).slice(0, 200));
  expect(failures).toEqual([]);
  expect(await prisma.loginAttempt.count()).toBe(180);
  expect(await prisma.journalEntry.count({ where: { event: "test" } })).toBe(20);
});
