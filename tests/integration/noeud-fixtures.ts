// A job-queue node in a child process (jobs-noeud.mts): started, waited for, and killed like a real one.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";

const RACINE = path.resolve(import.meta.dirname, "../..");

export type Noeud = { processus: ChildProcess; sortie: () => string };

export async function demarrerNoeud(env: Record<string, string> = {}): Promise<Noeud> {
  const processus = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only-hors-next.mjs", "tests/integration/jobs-noeud.mts"],
    {
      cwd: RACINE,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // a test that fails before stopping its node must not leave it running after the test process
  const orphelin = () => processus.kill("SIGKILL");
  process.once("exit", orphelin);
  processus.once("exit", () => process.off("exit", orphelin));
  let sortie = "";
  const pret = new Promise<void>((resolve, reject) => {
    processus.stdout!.on("data", (d: Buffer) => {
      sortie += d.toString();
      if (sortie.includes("prêt")) resolve();
    });
    processus.stderr!.on("data", (d: Buffer) => void (sortie += d.toString()));
    processus.once("exit", (code) => reject(new Error(`nœud arrêté (${code}) : ${sortie}`)));
  });
  await pret;
  return { processus, sortie: () => sortie };
}

/** A crash: SIGKILL, nothing runs on the way out. */
export async function tuer(noeud: Noeud): Promise<void> {
  if (noeud.processus.exitCode !== null || noeud.processus.signalCode !== null) return;
  const fin = once(noeud.processus, "exit");
  noeud.processus.kill("SIGKILL");
  await fin;
}

/** A graceful stop: SIGTERM, as the server script does (the jobs under way finish or pause). */
export async function arreter(noeud: Noeud): Promise<void> {
  if (noeud.processus.exitCode !== null || noeud.processus.signalCode !== null) return;
  const fin = once(noeud.processus, "exit");
  noeud.processus.kill("SIGTERM");
  await fin;
}
