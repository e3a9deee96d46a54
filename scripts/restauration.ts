// `npm run restauration -- <archive> [--force]`: puts back what `npm run sauvegarde` wrote, the database and the
// uploaded files, into DATABASE_URL (or the embedded database of DATA_DIR) and STORAGE_DIR. A database or a file
// directory that already holds something is replaced only after `oui` on the terminal, or with --force; without
// a terminal, only with --force. The portal must be stopped (the embedded database says so by its lock; with
// PostgreSQL, stop every node first: the schema is dropped and recreated).
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { extract } from "tar";
import {
  DUMP_PGLITE,
  DUMP_POSTGRESQL,
  dossierFichiers,
  environnementPostgres,
  FICHIERS,
  MANIFESTE,
  type Manifeste,
  outilPostgres,
} from "./archive-sauvegarde";
import { confirmer } from "./confirmer";
import { embeddedDatabaseSettings, openEmbeddedData, removeEmbeddedDatabase } from "./embedded-db";

const executer = promisify(execFile);

async function tablesPostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function estVide(dossier: string): Promise<boolean> {
  return !existsSync(dossier) || (await readdir(dossier)).length === 0;
}

async function main(argv: string[]): Promise<number> {
  const archive = argv.find((arg) => !arg.startsWith("--"));
  const force = argv.includes("--force");
  if (!archive || !existsSync(archive)) {
    console.error("Usage : npm run restauration -- <archive sauvegarde-portail-….tar.gz> [--force]");
    return 2;
  }
  const travail = await mkdtemp(path.join(tmpdir(), "restauration-"));
  try {
    await extract({ file: archive, cwd: travail });
    const manifeste = JSON.parse(await readFile(path.join(travail, MANIFESTE), "utf8")) as Manifeste;
    if (manifeste.format !== 1) throw new Error(`Format d'archive inconnu (${String(manifeste.format)}).`);
    const url = process.env.DATABASE_URL;
    if ((manifeste.base === "postgresql") !== Boolean(url)) {
      throw new Error(
        manifeste.base === "postgresql"
          ? "Cette archive vient d'un serveur PostgreSQL : définissez DATABASE_URL vers la base à restaurer."
          : "Cette archive vient de la base embarquée : restaurez-la sans DATABASE_URL (DATA_DIR choisit où).",
      );
    }
    const { dataDir } = embeddedDatabaseSettings();
    const fichiers = dossierFichiers();
    const cible = url ? new URL(url).pathname.slice(1) : dataDir;
    const occupee = url ? (await tablesPostgres(url)) > 0 : !(await estVide(dataDir));
    if ((occupee || !(await estVide(fichiers))) && !force) {
      const question = `La base ${cible} ou ${fichiers} contient déjà des données : les remplacer par la sauvegarde du ${manifeste.date} ? (oui/non) `;
      if (!process.stdin.isTTY || !(await confirmer(question))) {
        console.error("Abandon : rien n'a été modifié (--force pour remplacer sans question).");
        return 1;
      }
    }

    if (url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // PostgreSQL 15's default for the public schema: usable by every role, owned by whoever recreates it. The
        // job queue's schema (graphile_worker) is in the dump too: it goes as well, jobs included.
        await client.query(
          "DROP SCHEMA IF EXISTS graphile_worker CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;",
        );
      } finally {
        await client.end();
      }
      await executer(
        outilPostgres("pg_restore"),
        [
          "--no-owner",
          "--no-privileges",
          "--exit-on-error",
          "--single-transaction",
          "--dbname",
          cible,
          DUMP_POSTGRESQL,
        ],
        { cwd: travail, env: environnementPostgres(url) },
      );
    } else {
      await removeEmbeddedDatabase(dataDir);
      const dump = new Blob([new Uint8Array(await readFile(path.join(travail, DUMP_PGLITE)))]);
      const base = await openEmbeddedData(dataDir, { loadDataDir: dump });
      await base.close();
    }

    if (manifeste.stockage === "disque") {
      await rm(fichiers, { recursive: true, force: true });
      await cp(path.join(travail, FICHIERS), fichiers, { recursive: true });
    }
    console.log(
      `Restauré : base ${manifeste.base} (${cible}) et ${manifeste.fichiers} fichier(s) dans ${fichiers}, ` +
        `depuis la sauvegarde du ${manifeste.date} (version ${manifeste.version}). Les migrations en attente ` +
        `s'appliqueront au prochain démarrage.`,
    );
    return 0;
  } finally {
    await rm(travail, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Restauration impossible : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
