// Prisma's migrations without its native engine: the Prisma 7 CLI downloads a native schema engine before any
// migrate command and no download host is reachable here, so we drive the WebAssembly build of the same engine
// through a driver adapter. It writes the standard `_prisma_migrations` rows (checksum = sha256 of the file), so
// a host that can run the native `prisma migrate deploy` accepts the same history.
// The facts measured: docs/faits/prisma-hors-ligne.md; the decision: docs/decisions/0007-migrations-sans-moteur-natif.md.
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { createPgliteServer } from "./pglite-server";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  MigrationList,
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { Logger, runMigrations as migrerLaFile } from "graphile-worker";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
const LOCKFILE = "migration_lock.toml";
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type PanicRegistry = { set_message(message: string): void };
const globals = globalThis as typeof globalThis & {
  PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry;
  __portailSchemaEngine?: Promise<EngineModule>;
};

let lastPanic: string | undefined;

// A second instantiation of the module panics, so the loaded module lives on globalThis (one per process) and
// every SchemaEngine is created from it.
function loadEngineModule(): Promise<EngineModule> {
  globals.__portailSchemaEngine ??= (async () => {
    globals.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package's own entry imports the .wasm as an ES module, which Node 20 does not support without a flag.
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return globals.__portailSchemaEngine;
}

/** The engine reports failures as JSON text; keep its human message (and the panic text if it panicked). */
function engineError(error: unknown): Error {
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw;
  try {
    const parsed = JSON.parse(raw) as { message?: string; error_code?: string };
    if (parsed.message) message = parsed.error_code ? `${parsed.error_code}: ${parsed.message}` : parsed.message;
  } catch {
    // not JSON: keep the raw text
  }
  if (lastPanic) message += `\n(schema engine panic: ${lastPanic})`;
  return new Error(`Moteur de migration Prisma : ${message}`, { cause: error });
}

// The engine reads PostgreSQL's catalogs, whose internal types ("char" for pg_class.relkind and the like) the pg
// adapter refuses ("Column type 'char' could not be deserialized"). pg hands them over as strings anyway, so we
// label them text before the adapter looks.
const CATALOG_TYPES_AS_TEXT = new Set([18, 22, 24, 30, 194, 1033, 2205, 2206]); // "char", int2vector, regproc, oidvector, pg_node_tree, aclitem, regclass, regtype
const TEXT_OID = 25;

function labelCatalogTypesAsText(result: unknown): unknown {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  for (const field of fields ?? []) if (CATALOG_TYPES_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  // pg-pool calls query(config, values, callback); the adapter's transactions call query(config) for a promise.
  override query(...args: unknown[]): never {
    const callback =
      typeof args.at(-1) === "function" ? (args.pop() as (error: unknown, result?: unknown) => void) : undefined;
    const promise = (super.query as (...a: unknown[]) => Promise<unknown>)
      .apply(this, args)
      .then(labelCatalogTypesAsText);
    if (!callback) return promise as never;
    promise.then(
      (result) => callback(null, result),
      (error: unknown) => callback(error),
    );
    return undefined as never;
  }
}

async function withEngine<T>(
  connectionString: string,
  schemaFiles: SchemaContainer[] | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bindings = await loadEngineModule();
  // Our own small pool, ended below: the engine does not close the connections it opens.
  const pool = new pg.Pool({ connectionString, max: 2, Client: CatalogFriendlyClient });
  pool.on("error", () => {
    // an idle connection dropped by the server; the next query reconnects
  });
  const debug = process.env.MIGRATE_ENGINE_DEBUG ? (log: string) => console.error(`[schema-engine] ${log}`) : () => {};
  let engine: SchemaEngine | undefined;
  try {
    const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    engine = await createEngine(bindings, schemaFiles, debug, adapterFactory);
    return await run(engine).catch((error: unknown) => {
      throw engineError(error);
    });
  } finally {
    engine?.free();
    await pool.end();
  }
}

async function createEngine(
  bindings: EngineModule,
  schemaFiles: SchemaContainer[] | undefined,
  debug: (log: string) => void,
  adapterFactory: object,
): Promise<SchemaEngine> {
  try {
    return await bindings.SchemaEngine.new(
      { datamodels: schemaFiles?.map((file): [string, string] => [file.path, file.content]) },
      debug,
      adapterFactory,
    );
  } catch (error) {
    throw engineError(error);
  }
}

/** prisma/migrations as the engine wants it: directories sorted by name, each with its migration.sql. */
async function readMigrationList(): Promise<MigrationList> {
  const lockContent = await readFile(path.join(MIGRATIONS_DIR, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/**
 * Applies the pending prisma/migrations in order, then the job queue's own schema (graphile_worker, migrated by
 * graphile-worker itself, docs/decisions/0005-file-de-travaux.md): commands enqueue jobs inside their
 * transactions, so the queue's tables must exist before any command runs, not only once a runner has started.
 * Returns the names of the Prisma migrations applied (empty when up to date).
 */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  const appliquees = await withEngine(connectionString, undefined, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
  await migrerLaFile({ connectionString, noPreparedStatements: true, logger: fileSilencieuse });
  return appliquees;
}

const fileSilencieuse = new Logger(() => (niveau, message) => {
  if (niveau === "error") console.error(message);
});

export interface MigrationStatus {
  /** in prisma/migrations, not yet applied to the database */
  pending: string[];
  /** applied to the database but absent from prisma/migrations (another branch, or a deleted folder) */
  unknownToDirectory: string[];
  /** started and failed: fix the database, then mark them rolled back before deploying again */
  failed: string[];
  /** migration.sql changed after it was applied */
  edited: string[];
}

export async function migrationStatus(connectionString: string): Promise<MigrationStatus> {
  const migrationsList = await readMigrationList();
  return withEngine(connectionString, undefined, async (engine) => {
    const result = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    const history = result.history;
    return {
      pending:
        history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge"
          ? history.unappliedMigrationNames
          : [],
      unknownToDirectory:
        history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge"
          ? history.unpersistedMigrationNames
          : [],
      failed: result.failedMigrationNames,
      edited: result.editedMigrationNames,
    };
  });
}

export const MIGRATION_NAME_PATTERN = /^[a-z0-9][a-z0-9_]{0,99}$/;

function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** A throwaway in-memory PGlite, served on a free 127.0.0.1 port for as long as `run` lasts. */
async function withScratchDatabase<T>(run: (connectionString: string) => Promise<T>): Promise<T> {
  const db = await PGlite.create();
  const server = createPgliteServer(db, { host: "127.0.0.1", port: 0, maxConnections: 10 });
  try {
    await server.start();
    return await run(`postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`);
  } finally {
    await server.stop();
    await db.close();
  }
}

/**
 * Drops the CHECK constraints of the scratch database. The schema engine's WebAssembly build aborts
 * ("RuntimeError: unreachable") when it introspects one, and a Prisma schema cannot express them anyway, so the
 * diff is the same without them. The migrations that add them (the billing's amounts) keep them.
 */
async function sansContraintesCheck(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ table: string; nom: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS nom
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'c' AND n.nspname = 'public'`,
    );
    for (const { table, nom } of rows) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT "${nom}"`);
  } finally {
    await client.end();
  }
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes a database from the existing
 * migrations to prisma/schema.prisma. Returns the new directory, or null when the schema needs no change.
 */
export async function createMigration(name: string): Promise<string | null> {
  if (!MIGRATION_NAME_PATTERN.test(name)) {
    throw new Error(`Nom de migration invalide « ${name} » : lettres minuscules, chiffres et _ (ex. ajout_enfant).`);
  }
  const schemaFiles: SchemaContainer[] = [{ path: SCHEMA_PATH, content: await readFile(SCHEMA_PATH, "utf8") }];
  const migrationsList = await readMigrationList();

  const script = await withScratchDatabase((connectionString) =>
    withEngine(connectionString, schemaFiles, async (engine) => {
      await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
      await sansContraintesCheck(connectionString);
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files: schemaFiles, configDir: ROOT },
        to: { tag: "schemaDatamodel", files: schemaFiles },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      });
      // exitCode 2 = the diff is not empty
      return result.exitCode === 2 ? (result.stdout ?? "") : null;
    }),
  );
  if (script === null) return null;

  const lastExisting = migrationsList.migrationDirectories.at(-1)?.path;
  let now = new Date();
  // Keep the new folder after the last one even if the clock is behind the last migration's stamp.
  while (lastExisting !== undefined && `${timestamp(now)}_${name}` <= lastExisting)
    now = new Date(now.getTime() + 1000);
  const directory = path.join(MIGRATIONS_DIR, `${timestamp(now)}_${name}`);
  if (await stat(directory).catch(() => null)) throw new Error(`${directory} existe déjà.`);

  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "migration.sql"), script, "utf8");
  await writeFile(
    path.join(MIGRATIONS_DIR, LOCKFILE),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    "utf8",
  );
  return directory;
}
