// The embedded PostgreSQL used when DATABASE_URL is unset: PGlite (PostgreSQL compiled to WASM) on a data
// directory, served on 127.0.0.1 by pglite-socket so the Next.js server, the seed and any tool connect to it like
// to any PostgreSQL. Only one process may open a data directory (two lose writes), hence the lock file.
import { closeSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgliteServer } from "./pglite-server";
import { isPortFree } from "./port-libre";

export const DEFAULT_EMBEDDED_DB_PORT = 54329;
const LOCK_FILE = "portail.lock";

export interface EmbeddedDatabase {
  /** postgresql://… URL for pg / PrismaPg */
  url: string;
  /** Closes the socket server, then PGlite (flushing it to disk), then releases the lock. Idempotent. */
  stop(): Promise<void>;
}

/** Where `npm start`, `npm run demo` and `npm run db:*` keep the embedded database. */
export function embeddedDatabaseSettings(env: NodeJS.ProcessEnv = process.env): { dataDir: string; port: number } {
  const port = Number(env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_DB_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_DB_PORT invalide : « ${env.EMBEDDED_DB_PORT} » (invalid port).`);
  }
  return { dataDir: path.resolve(env.DATA_DIR ?? "./data", "pglite"), port };
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** /proc start time of the process, so a pid reused after a restart is not mistaken for the owner */
  processStart: string | null;
}

// Directories this process holds open: the same pid in a lock is either us (open here) or a previous life.
const openHere = new Set<string>();

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLockOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(lockPath, "utf8")) as LockOwner;
  } catch {
    return null;
  }
}

function ownerIsRunning(dir: string, owner: LockOwner): boolean {
  // A lock written on another host is a container recreated on the same volume far more often than a data
  // directory shared over the network, so it counts as stale.
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid && owner.processStart === processStart(process.pid)) return openHere.has(dir);
  if (!isAlive(owner.pid)) return false;
  const start = processStart(owner.pid);
  return start === null || owner.processStart === null || start === owner.processStart;
}

function lockedMessage(dataDir: string, owner: LockOwner | null): string {
  const who = owner ? `processus ${owner.pid}, depuis ${owner.startedAt}` : "autre processus";
  return (
    `La base embarquée ${dataDir} est déjà ouverte (${who}). Arrêtez ce processus (npm start / npm run demo) ` +
    `ou choisissez un autre DATA_DIR.\nThe embedded database ${dataDir} is already open by another process; ` +
    `stop it or use another DATA_DIR.`
  );
}

/** Throws when a running process holds the directory's lock; a lock left by a dead process is ignored. */
function assertNotLocked(dir: string): void {
  const owner = readLockOwner(path.join(dir, LOCK_FILE));
  if (owner && ownerIsRunning(dir, owner)) throw new Error(lockedMessage(dir, owner));
}

function acquireLock(dir: string): () => void {
  const lockPath = path.join(dir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    processStart: processStart(process.pid),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      // "wx" fails if the file exists: two processes starting at once cannot both get the lock.
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (attempt > 0) throw new Error(lockedMessage(dir, readLockOwner(lockPath)));
      assertNotLocked(dir);
      rmSync(lockPath, { force: true });
    }
  }
  openHere.add(dir);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    openHere.delete(dir);
    process.off("exit", release);
    try {
      unlinkSync(lockPath);
    } catch {
      // already gone (data dir deleted)
    }
  };
  // Covers process.exit() paths that skip stop(); a SIGKILL leaves a stale lock, which the next start ignores.
  process.on("exit", release);
  return release;
}

function portTakenMessage(port: number): string {
  return (
    `Le port ${port} (base embarquée) est déjà utilisé : libérez-le ou choisissez-en un autre avec ` +
    `EMBEDDED_DB_PORT=<port>.\nPort ${port} (embedded database) is already in use: free it or set ` +
    `EMBEDDED_DB_PORT to another port.`
  );
}

/** Opens (creating it if needed) the PGlite data directory and serves it on 127.0.0.1:port. */
export async function startEmbeddedDatabase({
  dataDir,
  port,
}: {
  dataDir: string;
  port: number;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  // PGlite creates the directory itself but not its missing parents.
  await mkdir(dir, { recursive: true });
  const releaseLock = acquireLock(dir);
  let db: PGlite | undefined;
  try {
    if (!(await isPortFree(port, "127.0.0.1"))) throw new Error(portTakenMessage(port));
    db = await PGlite.create({ dataDir: dir });
    const server = createPgliteServer(db, { host: "127.0.0.1", port, maxConnections: 100 });
    // start() never settles when listen fails (the error only reaches its "error" event), so race the two.
    await new Promise<void>((resolve, reject) => {
      const onError = (event: Event) => {
        const error = (event as CustomEvent<NodeJS.ErrnoException>).detail;
        reject(error.code === "EADDRINUSE" ? new Error(portTakenMessage(port)) : error);
      };
      server.addEventListener("error", onError, { once: true });
      server.start().then(() => {
        server.removeEventListener("error", onError);
        resolve();
      }, reject);
    });
    const openDb = db;
    let stopping: Promise<void> | undefined;
    return {
      // getServerConn() gives the port actually bound (port 0 asks for any free one).
      url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      stop() {
        stopping ??= (async () => {
          try {
            await server.stop();
            await openDb.close();
          } finally {
            releaseLock();
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }
}

/**
 * Opens the data directory in this process, without serving it (backups and restores: PGlite's own dump of the
 * whole directory, or a fresh directory loaded from one). Holds the lock like a server, so it refuses while the
 * portal runs on it.
 */
export async function openEmbeddedData(
  dataDir: string,
  options: { loadDataDir?: Blob } = {},
): Promise<{ db: PGlite; close(): Promise<void> }> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const releaseLock = acquireLock(dir);
  try {
    const db = await PGlite.create({ dataDir: dir, ...options });
    return {
      db,
      async close() {
        try {
          await db.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Deletes the data directory, refusing while a live process has it open. */
export async function removeEmbeddedDatabase(dataDir: string): Promise<void> {
  const dir = path.resolve(dataDir);
  assertNotLocked(dir);
  await rm(dir, { recursive: true, force: true });
}
