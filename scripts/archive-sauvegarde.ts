// The format of a backup archive (npm run sauvegarde, npm run restauration), and where each part lives.
//   sauvegarde-portail-<date>.tar.gz
//     sauvegarde.json   what it holds (below)
//     base.dump         PostgreSQL: pg_dump --format=custom (one consistent snapshot)
//     pglite.tar.gz     embedded database: PGlite's own dump of its data directory (taken with the portal stopped)
//     fichiers/         the uploaded files, as STORAGE_DIR keeps them
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export const MANIFESTE = "sauvegarde.json";
export const DUMP_POSTGRESQL = "base.dump";
export const DUMP_PGLITE = "pglite.tar.gz";
export const FICHIERS = "fichiers";

export type Manifeste = {
  format: 1;
  /** ISO date of the backup */
  date: string;
  /** package.json version of the portal that wrote it */
  version: string;
  base: "postgresql" | "pglite";
  /** uploaded files in the archive; uploadthing's stay at uploadthing */
  fichiers: number;
  stockage: "disque" | "uploadthing";
};

/** Where uploads are kept: STORAGE_DIR, else $DATA_DIR/uploads (as lib/config.ts says). */
export function dossierFichiers(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.STORAGE_DIR ?? `${env.DATA_DIR ?? "./data"}/uploads`);
}

/**
 * A PostgreSQL client tool (pg_dump, pg_restore): from PG_BIN, else the newest /usr/lib/postgresql/<n>/bin
 * (pg_dump must be at least as new as the server), else the PATH.
 */
export function outilPostgres(nom: "pg_dump" | "pg_restore", env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BIN) return path.join(env.PG_BIN, nom);
  const racine = "/usr/lib/postgresql";
  const versions = existsSync(racine)
    ? readdirSync(racine)
        .filter((v) => existsSync(path.join(racine, v, "bin", nom)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(racine, versions[0], "bin", nom) : nom;
}

/** The libpq variables of a URL: the password never appears on a command line. */
export function environnementPostgres(url: string): NodeJS.ProcessEnv {
  const { username, password, hostname, port, pathname, searchParams } = new URL(url);
  return {
    ...process.env,
    PGHOST: hostname,
    PGPORT: port || "5432",
    PGUSER: decodeURIComponent(username),
    PGPASSWORD: decodeURIComponent(password),
    PGDATABASE: decodeURIComponent(pathname.slice(1)),
    PGSSLMODE: searchParams.get("sslmode") ?? "prefer",
  };
}
