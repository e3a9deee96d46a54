// The bench's wire counter (scripts/bench/pg-compteur.ts), between a client and this file's PostgreSQL database:
// what it counts is what was sent (statements, transactions, the time waited on the database), and it changes
// nothing of what passes (the rows come back as they are).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarrerCompteur } from "../../scripts/bench/pg-compteur";

let compteur: Awaited<ReturnType<typeof demarrerCompteur>>;
let client: pg.Client;

beforeAll(async () => {
  compteur = await demarrerCompteur(process.env.DATABASE_URL!);
  client = new pg.Client({ connectionString: compteur.url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await compteur.arreter();
});

describe("the bench's wire counter", () => {
  it("counts statements and transactions, simple and extended, and the time waited on the database", async () => {
    compteur.remettre();
    expect((await client.query("SELECT 1 AS un")).rows).toEqual([{ un: 1 }]);
    expect((await client.query("SELECT $1::int + 1 AS deux", [1])).rows).toEqual([{ deux: 2 }]);
    await client.query("BEGIN");
    await client.query("SELECT pg_sleep(0.2)");
    await client.query("SELECT $1::text AS mot", ["banc"]);
    await client.query("COMMIT");
    const compte = compteur.lire();
    expect(compte.ordres).toBe(6);
    // the two statements alone, then BEGIN … COMMIT
    expect(compte.transactions).toBe(3);
    expect(compte.attenteMs).toBeGreaterThanOrEqual(200);
    expect(compte.octetsRecus).toBeGreaterThan(0);
  });

  it("starts again from zero, and a second connection is counted with the first", async () => {
    compteur.remettre();
    const autre = new pg.Client({ connectionString: compteur.url });
    await autre.connect();
    let mur = 0;
    try {
      const t0 = performance.now();
      await Promise.all([client.query("SELECT pg_sleep(0.1)"), autre.query("SELECT pg_sleep(0.1)")]);
      mur = performance.now() - t0;
    } finally {
      await autre.end();
    }
    const compte = compteur.lire();
    expect(compte.ordres).toBe(2);
    expect(compte.transactions).toBe(2);
    // the wall time during which at least one statement waited, not their sum: within what the client waited
    expect(compte.attenteMs).toBeGreaterThanOrEqual(100);
    expect(compte.attenteMs).toBeLessThanOrEqual(mur);
  });
});
