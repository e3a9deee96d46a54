// `npm run sauvegarde [-- <dossier>]`: one dated archive (./sauvegardes by default) holding a consistent dump of
// the database and the uploaded files; `npm run restauration -- <archive>` puts it back.
// - DATABASE_URL set: pg_dump --format=custom, one snapshot, while the portal runs.
// - embedded database: PGlite's own dump of its data directory; the portal must be stopped (one process at a
//   time opens it), which the lock says.
// The files are copied after the dump: a file sent meanwhile is in the archive unused, never the reverse
// (files are not deleted while their rows exist). Prints the archive's path, sizes and counts, nothing of the data.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { create } from "tar";
import paquet from "../package.json";
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
import { embeddedDatabaseSettings, openEmbeddedData } from "./embedded-db";

const executer = promisify(execFile);

async function compterFichiers(dossier: string): Promise<number> {
  if (!existsSync(dossier)) return 0;
  const entrees = await readdir(dossier, { recursive: true, withFileTypes: true });
  return entrees.filter((entree) => entree.isFile()).length;
}

async function main(argv: string[]): Promise<number> {
  const destination = path.resolve(argv.find((arg) => !arg.startsWith("--")) ?? "./sauvegardes");
  const date = new Date();
  const travail = await mkdtemp(path.join(tmpdir(), "sauvegarde-"));
  try {
    const url = process.env.DATABASE_URL;
    if (url) {
      // The URL goes through the environment, not the command line (ps would show its password).
      await executer(
        outilPostgres("pg_dump"),
        ["--format=custom", "--no-owner", "--no-privileges", `--file=${path.join(travail, DUMP_POSTGRESQL)}`],
        { env: environnementPostgres(url) },
      );
    } else {
      const { dataDir } = embeddedDatabaseSettings();
      if (!existsSync(dataDir)) throw new Error(`Aucune base embarquée dans ${dataDir} : rien à sauvegarder.`);
      const base = await openEmbeddedData(dataDir);
      try {
        const dump = await base.db.dumpDataDir("gzip");
        await writeFile(path.join(travail, DUMP_PGLITE), new Uint8Array(await dump.arrayBuffer()));
      } finally {
        await base.close();
      }
    }

    const uploadthing = Boolean(process.env.UPLOADTHING_TOKEN);
    const source = dossierFichiers();
    await mkdir(path.join(travail, FICHIERS));
    if (!uploadthing && existsSync(source)) await cp(source, path.join(travail, FICHIERS), { recursive: true });
    const manifeste: Manifeste = {
      format: 1,
      date: date.toISOString(),
      version: paquet.version,
      base: url ? "postgresql" : "pglite",
      fichiers: await compterFichiers(path.join(travail, FICHIERS)),
      stockage: uploadthing ? "uploadthing" : "disque",
    };
    await writeFile(path.join(travail, MANIFESTE), `${JSON.stringify(manifeste, null, 2)}\n`);

    await mkdir(destination, { recursive: true });
    const archive = path.join(destination, `sauvegarde-portail-${date.toISOString().replace(/[:.]/g, "-")}.tar.gz`);
    const parties = [MANIFESTE, url ? DUMP_POSTGRESQL : DUMP_PGLITE, FICHIERS];
    await create({ gzip: true, file: archive, cwd: travail, portable: true }, parties);
    const taille = (await stat(archive)).size;
    console.log(
      `Sauvegarde écrite : ${archive} (${(taille / 1024 / 1024).toFixed(1)} Mo ; base ${manifeste.base}, ` +
        `${manifeste.fichiers} fichier(s))`,
    );
    if (uploadthing) console.log("Les fichiers sont chez uploadthing : ils ne sont pas dans l'archive.");
    return 0;
  } finally {
    await rm(travail, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Sauvegarde impossible : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
