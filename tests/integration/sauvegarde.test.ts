// npm run sauvegarde, then npm run restauration into an empty database and an empty file directory: every row of
// every table, every sequence and every file comes back identical. Restoring over data that exists is refused
// without --force (no terminal here to answer oui). Both kinds of database: PostgreSQL (pg_dump/pg_restore) and
// the embedded PGlite (its own dump of the data directory). The commands run as they do for the commune: the
// scripts themselves, in a child process.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LocalDiskStorage } from "@/lib/storage/storage";
import { seedDemo } from "@/prisma/seed";
import { openEmbeddedData, startEmbeddedDatabase } from "@/scripts/embedded-db";
import { applyMigrations } from "@/scripts/migrate-engine";

const executer = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
let dossier: string;

beforeAll(async () => {
  dossier = await mkdtemp(path.join(tmpdir(), "sauvegarde-test-"));
});
afterAll(async () => {
  await rm(dossier, { recursive: true, force: true });
});

/** Runs `npm run <script>` as its package.json says (tsx scripts/<script>.ts), with only the given variables. */
async function lancer(script: "sauvegarde" | "restauration", args: string[], env: Record<string, string>) {
  const base = {
    NODE_ENV: "test" as const,
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    PG_BIN: process.env.PG_BIN ?? "",
  };
  return executer(TSX, [`scripts/${script}.ts`, ...args], { env: { ...base, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, sortie: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      sortie: error.stdout + error.stderr,
    }),
  );
}

type Requete = (sql: string) => Promise<Record<string, unknown>[]>;

/** Each table's row count and a digest of its rows in a stable order, and each sequence's position. */
async function empreinte(requete: Requete): Promise<Record<string, string>> {
  const tables = await requete("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const resultat: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [ligne] = await requete(
      `SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${String(tablename)}" t`,
    );
    resultat[String(tablename)] = `${String(ligne?.n)} ${String(ligne?.h)}`;
  }
  for (const { sequencename } of await requete("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")) {
    const [ligne] = await requete(`SELECT last_value::text AS v, is_called FROM "${String(sequencename)}"`);
    resultat[`sequence ${String(sequencename)}`] = `${String(ligne?.v)} ${String(ligne?.is_called)}`;
  }
  return resultat;
}

async function contenuDossier(racine: string): Promise<Record<string, string>> {
  const entrees = await readdir(racine, { recursive: true, withFileTypes: true });
  const contenu: Record<string, string> = {};
  for (const entree of entrees.filter((e) => e.isFile())) {
    const chemin = path.join(entree.parentPath, entree.name);
    contenu[path.relative(racine, chemin)] = (await readFile(chemin)).toString("base64");
  }
  return contenu;
}

async function deposerFichiers(racine: string): Promise<void> {
  const stockage = new LocalDiskStorage(racine);
  for (const taille of [10, 200_000, 3_000_000]) await stockage.put(new Uint8Array(randomBytes(taille)));
}

async function archiveDe(sortie: string): Promise<string> {
  const [archive] = await readdir(sortie);
  expect(archive).toMatch(/^sauvegarde-portail-\d{4}-\d{2}-\d{2}T[\d-]+Z\.tar\.gz$/);
  return path.join(sortie, archive!);
}

describe("PostgreSQL", () => {
  const { adminUrl } = inject("integrationDatabase");
  const restauree = `r_${randomBytes(6).toString("hex")}`;
  const urlRestauree = () => {
    const url = new URL(adminUrl);
    url.pathname = `/${restauree}`;
    return url.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  const interroger =
    (url: string): Requete =>
    async (sql) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    };
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${restauree}" WITH (FORCE)`));

  // Three processes (sauvegarde, then restauration twice), each loading tsx, over the whole demo's data: a minute
  // or two on two busy cores, beyond the project's 30 s default.
  it(
    "restores every row, every sequence and every file, and refuses to overwrite without --force",
    { timeout: 240_000 },
    async () => {
      await seedDemo();
      const source = process.env.DATABASE_URL!;
      const fichiers = path.join(dossier, "pg-fichiers");
      await deposerFichiers(fichiers);

      const sortie = path.join(dossier, "pg-archives");
      const sauvegarde = await lancer("sauvegarde", [sortie], { DATABASE_URL: source, STORAGE_DIR: fichiers });
      expect(sauvegarde).toMatchObject({ code: 0, sortie: expect.stringContaining("base postgresql, 3 fichier(s)") });
      const archive = await archiveDe(sortie);

      await admin(`CREATE DATABASE "${restauree}"`);
      const fichiersRestaures = path.join(dossier, "pg-fichiers-restaures");
      const env = { DATABASE_URL: urlRestauree(), STORAGE_DIR: fichiersRestaures };
      expect(await lancer("restauration", [archive], env)).toMatchObject({ code: 0 });

      const attendu = await empreinte(interroger(source));
      expect(Object.keys(attendu).length).toBeGreaterThan(20);
      expect(attendu.Usager).not.toMatch(/^0 /);
      expect(await empreinte(interroger(urlRestauree()))).toEqual(attendu);
      expect(await contenuDossier(fichiersRestaures)).toEqual(await contenuDossier(fichiers));

      // Again over what is now there: refused without a terminal's oui, nothing touched; --force replaces.
      await interroger(urlRestauree())(`DELETE FROM "Session"`);
      const avant = await empreinte(interroger(urlRestauree()));
      const refus = await lancer("restauration", [archive], env);
      expect(refus).toMatchObject({ code: 1, sortie: expect.stringContaining("Abandon : rien n'a été modifié") });
      expect(await empreinte(interroger(urlRestauree()))).toEqual(avant);
      expect(await lancer("restauration", [archive, "--force"], env)).toMatchObject({ code: 0 });
      expect(await empreinte(interroger(urlRestauree()))).toEqual(attendu);
    },
  );
});

describe("embedded PGlite", () => {
  // Two embedded databases in WASM, each migrated (30 migrations) before the dump and the restore: 34 s on a
  // quiet machine, 54 s and 109 s in fresh-clone runs beside the e2e lane, once past 120 s; the same margin as
  // the PostgreSQL case above.
  it("restores the data directory and the files through PGlite's own dump", { timeout: 240_000 }, async () => {
    const donnees = path.join(dossier, "pglite-source");
    const base = await startEmbeddedDatabase({ dataDir: path.join(donnees, "pglite"), port: 0 });
    try {
      await applyMigrations(base.url);
      const client = new pg.Client({ connectionString: base.url });
      await client.connect();
      await client.query(
        `INSERT INTO "Commune" (id, nom, "serviceEmail") VALUES (1, 'Villefranque', 'enfance@exemple.fr')`,
      );
      await client.query(`SELECT nextval('demande_numero_seq')`);
      await client.end();
    } finally {
      await base.stop();
    }
    await deposerFichiers(path.join(donnees, "uploads"));

    const sortie = path.join(dossier, "pglite-archives");
    const sauvegarde = await lancer("sauvegarde", [sortie], { DATA_DIR: donnees });
    expect(sauvegarde).toMatchObject({ code: 0, sortie: expect.stringContaining("base pglite, 3 fichier(s)") });

    const restaurees = path.join(dossier, "pglite-restaure");
    expect(await lancer("restauration", [await archiveDe(sortie)], { DATA_DIR: restaurees })).toMatchObject({
      code: 0,
    });
    const lire = async (dir: string) => {
      const ouverte = await openEmbeddedData(path.join(dir, "pglite"));
      try {
        return await empreinte(async (sql) => (await ouverte.db.query<Record<string, unknown>>(sql)).rows);
      } finally {
        await ouverte.close();
      }
    };
    const attendu = await lire(donnees);
    expect(attendu.Commune).toMatch(/^1 /);
    expect(attendu["sequence demande_numero_seq"]).toBe("1 true");
    expect(await lire(restaurees)).toEqual(attendu);
    expect(await contenuDossier(path.join(restaurees, "uploads"))).toEqual(
      await contenuDossier(path.join(donnees, "uploads")),
    );
  });
});
