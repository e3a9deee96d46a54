// Database tool: `npm run db:migrate -- <name>`, `npm run db:deploy`, `npm run db:reset [-- --yes]`,
// `tsx scripts/db.ts status`. Works on DATABASE_URL when set, otherwise on the embedded database of DATA_DIR.
import path from "node:path";
import pg from "pg";
import { confirmer } from "./confirmer";
import { formatDemoLogins, loadDemoData } from "./demo-seed";
import { embeddedDatabaseSettings, removeEmbeddedDatabase, startEmbeddedDatabase } from "./embedded-db";
import { applyMigrations, createMigration, MIGRATION_NAME_PATTERN, migrationStatus } from "./migrate-engine";

const USAGE = `Usage : tsx scripts/db.ts <commande>
  migrate <nom>   crée prisma/migrations/<horodatage>_<nom>/ depuis prisma/schema.prisma (nom : a-z, 0-9, _)
  deploy          applique les migrations en attente
  reset [--yes]   efface toutes les données, applique les migrations et charge les données de démonstration
  status          liste les migrations en attente
Base : DATABASE_URL si défini, sinon la base embarquée de DATA_DIR (./data par défaut).`;

async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run(process.env.DATABASE_URL);
  const database = await startEmbeddedDatabase(embeddedDatabaseSettings());
  try {
    return await run(database.url);
  } finally {
    await database.stop();
  }
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith("..") ? relative : absolute;
}

function target(): string {
  return process.env.DATABASE_URL ? "DATABASE_URL" : displayPath(embeddedDatabaseSettings().dataDir);
}

async function migrate(name: string | undefined): Promise<number> {
  if (!name || !MIGRATION_NAME_PATTERN.test(name)) {
    console.error(
      `Nom de migration ${name ? `invalide « ${name} »` : "manquant"} : lettres minuscules, chiffres et _, ` +
        "par exemple `npm run db:migrate -- ajout_reservations`.",
    );
    return 2;
  }
  const directory = await createMigration(name);
  if (!directory) {
    console.log("Aucun changement : prisma/schema.prisma correspond déjà aux migrations existantes.");
    return 0;
  }
  console.log(`Migration créée : ${displayPath(path.join(directory, "migration.sql"))}`);
  console.log("Relisez-la, puis appliquez-la avec `npm run db:deploy` (ou au prochain `npm start`).");
  return 0;
}

async function deploy(): Promise<number> {
  const applied = await withDatabase(applyMigrations);
  console.log(
    applied.length ? `Migrations appliquées (${target()}) : ${applied.join(", ")}` : `Base à jour (${target()}).`,
  );
  return 0;
}

async function reset(yes: boolean): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (url && !yes) {
    console.error("DATABASE_URL est défini : effacer un serveur PostgreSQL exige `--yes` (npm run db:reset -- --yes).");
    return 2;
  }
  if (!yes && !(await confirmer(`Effacer toutes les données de ${target()} ? (oui/non) `))) {
    console.log("Abandon : rien n'a été effacé.");
    return 1;
  }
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // PostgreSQL 15's default for the public schema: usable by every role, owned by whoever recreates it. The
      // job queue's schema goes too: its jobs name rows that no longer exist (the migrations recreate it).
      await client.query(
        "DROP SCHEMA IF EXISTS graphile_worker CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;",
      );
    } finally {
      await client.end();
    }
  } else {
    await removeEmbeddedDatabase(embeddedDatabaseSettings().dataDir);
  }
  const logins = await withDatabase(async (databaseUrl) => {
    const applied = await applyMigrations(databaseUrl);
    console.log(`Base ${target()} effacée ; migrations appliquées : ${applied.join(", ") || "aucune"}.`);
    return loadDemoData(databaseUrl);
  });
  console.log("Données de démonstration chargées.");
  if (logins.length) console.log(formatDemoLogins(logins));
  return 0;
}

async function status(): Promise<number> {
  const result = await withDatabase(migrationStatus);
  const lines = [
    ["En attente", result.pending],
    ["Appliquées mais absentes de prisma/migrations", result.unknownToDirectory],
    ["En échec", result.failed],
    ["Modifiées après application", result.edited],
  ] as const;
  let clean = true;
  for (const [label, names] of lines) {
    if (names.length === 0) continue;
    clean = false;
    console.log(`${label} : ${names.join(", ")}`);
  }
  if (clean) console.log(`Base à jour (${target()}).`);
  return result.failed.length || result.edited.length || result.unknownToDirectory.length ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((arg) => arg.startsWith("--")));
  const positional = rest.filter((arg) => !arg.startsWith("--"));
  switch (command) {
    case "migrate":
      return migrate(positional[0]);
    case "deploy":
      return deploy();
    case "reset":
      return reset(flags.has("--yes"));
    case "status":
      return status();
    default:
      console.error(USAGE);
      return 2;
  }
}

// process.exit: the WASM schema engine leaves a 10 s timer behind that would otherwise hold the process.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
