// Proves the integration harness itself: each test file runs against its own freshly cloned, fully migrated
// PostgreSQL database, reached through the app's own `db()`.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";

describe("integration database harness", () => {
  it("gives this file its own database, cloned from the template", async () => {
    const [row] = await db().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    expect(row?.name).toMatch(/^t_[0-9a-f]{12}$/);
    expect(row?.name).toBe(process.env.TEST_DATABASE_NAME);
  });

  it("has every migration applied", async () => {
    const migrations = await db().$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.every((m) => m.finished_at !== null)).toBe(true);

    const [usagers] = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "Usager"`;
    expect(usagers?.count).toBe(0n);
  });

  it("does not share data with other files", async () => {
    // Write something here, then clone the template exactly as tests/integration/setup.ts does for the next
    // file: the clone must not see it.
    await db().$executeRawUnsafe(`CREATE TABLE harness_marker (note text)`);
    await db().$executeRaw`INSERT INTO harness_marker (note) VALUES ('written by db-harness.test.ts')`;

    const { adminUrl, template } = inject("integrationDatabase");
    const other = `t_${Math.random().toString(16).slice(2, 14).padEnd(12, "0")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${other}" TEMPLATE "${template}"`);
      const url = new URL(adminUrl);
      url.pathname = `/${other}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const marker = await client.query(`SELECT to_regclass('public.harness_marker') AS t`);
        expect(marker.rows[0].t).toBeNull();
        const usager = await client.query(`SELECT to_regclass('public."Usager"') AS t`);
        expect(usager.rows[0].t).not.toBeNull();
      } finally {
        await client.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${other}" WITH (FORCE)`);
      await admin.end();
    }

    const [mine] = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM harness_marker`;
    expect(mine?.count).toBe(1n);
  });
});
