// `npm start` / `npm run demo`: database (embedded PGlite unless DATABASE_URL is set), pending migrations,
// demo data with --demo or PREVIEW=1, a build when none exists (or --rebuild), then the HTTP server
// (scripts/serveur.ts: Next.js with request logs and a graceful stop) until SIGINT/SIGTERM, then the database.
// The same file, bundled, is the container's CMD in the standalone output (scripts/standalone.ts).
// Env: DATA_DIR (./data), EMBEDDED_DB_PORT (54329), PORT (3000), DATABASE_URL, PREVIEW.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type DemoLogin, formatDemoLogins, loadDemoData } from "./demo-seed";
import { type EmbeddedDatabase, embeddedDatabaseSettings, startEmbeddedDatabase } from "./embedded-db";
import { isPortFree } from "./port-libre";
import { applyMigrations } from "./migrate-engine";
import { bouchonsOidcDeDemo } from "./demo-oidc";
import { bouchonPayfipDeDemo } from "./demo-payfip";
import { bouchonApiParticulierDeDemo } from "./demo-api-particulier";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
// The binary itself, not npx: killing npx's pid would leave next-server running.
const NEXT = path.join(ROOT, "node_modules/.bin/next");
// Bundled beside this file in the standalone output (serveur.mjs), run through tsx in the source tree: the
// child gets this process's own loader flags (tsx's, or none).
const SERVEUR = path.join(HERE, import.meta.url.endsWith(".mjs") ? "serveur.mjs" : "serveur.ts");

const args = new Set(process.argv.slice(2));
// A preview (PREVIEW=1, or --preview as `npm run demo` says): the demo data, the banner, the demo logins on the
// login pages, the preview mailbox. --demo alone loads the demo data without the rest (the e2e suite's server).
const preview = args.has("--preview") || process.env.PREVIEW === "1";
const demo = args.has("--demo") || preview;
const rebuild = args.has("--rebuild");
// closes the demo accounts of a preview's data (scripts/comptes-demo.ts), then stops
const fermerDemo = args.has("--supprimer-comptes-demo");
// Read by the seed in this process (the demo's fixed encryption key) and by the server.
if (demo) process.env.DEMO = "1";
if (preview) process.env.PREVIEW = "1";

let database: EmbeddedDatabase | undefined;
let child: ChildProcess | undefined;
let stopping: Promise<never> | undefined;

function isRunning(proc: ChildProcess | undefined): proc is ChildProcess {
  return proc !== undefined && proc.exitCode === null && proc.signalCode === null;
}

function exited(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once("exit", (code) => resolve(code)));
}

/** Stops the child (next build or next start), then the embedded database, then exits. Runs once. */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    if (isRunning(child)) {
      const running = child;
      running.kill("SIGTERM");
      // The server gives its running requests 25 s (scripts/serveur.ts), then stops on its own.
      const timer = setTimeout(() => running.kill("SIGKILL"), 30_000);
      await exited(running);
      clearTimeout(timer);
    }
    await database?.stop().catch((error: unknown) => console.error("Arrêt de la base embarquée :", error));
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    // A second signal while stopping: give up waiting (the lock is released on exit all the same).
    if (stopping) process.exit(1);
    void shutdown(0);
  });
}

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // A signal may arrive while main() is still between steps: start nothing that shutdown() would miss.
  if (stopping) throw new Error("Arrêt en cours.");
  child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: "inherit" });
  return child;
}

/** Any HTTP answer means next is serving (and has printed its own banner, which ours should follow). */
async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT invalide : « ${process.env.PORT} ».`);
  if (!(await isPortFree(port))) {
    throw new Error(
      `Le port ${port} est déjà utilisé : choisissez-en un autre avec PORT=<port>.\nPort ${port} is already in use: set PORT.`,
    );
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  // Built before the database starts: the build needs no database and is the most memory-hungry step.
  if (rebuild || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("Construction de l'application (next build)…");
    // the pointage's service worker first (scripts/service-worker.mjs: Turbopack does not build it)
    const worker = await exited(run(process.execPath, [path.join(ROOT, "scripts/service-worker.mjs")], env));
    const code = worker !== 0 ? worker : await exited(run(NEXT, ["build"], env));
    if (code !== 0) {
      console.error("La construction a échoué (next build).");
      return void (await shutdown(code ?? 1));
    }
  }

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const settings = embeddedDatabaseSettings();
    database = await startEmbeddedDatabase(settings);
    databaseUrl = database.url;
    console.log(`Base embarquée : ${settings.dataDir} (127.0.0.1:${settings.port})`);
  }

  const applied = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`Migrations appliquées : ${applied.join(", ")}`);

  // Production never serves with the demo accounts' public passwords and TOTP key still valid (issue 30).
  if (fermerDemo || !demo) {
    const { comptes: fermes, commande } = await comptesDemo(databaseUrl, fermerDemo);
    if (fermerDemo) {
      console.log(
        fermes.length ? `Comptes de démonstration fermés : ${fermes.join(", ")}` : "Aucun compte de démonstration.",
      );
      return void (await shutdown(0));
    }
    if (fermes.length) {
      console.error(
        `Refus de démarrer : les comptes de démonstration ${fermes.join(", ")} ouvrent encore avec leurs mots de passe publics.\n` +
          `Fermez-les avec : ${commande}`,
      );
      return void (await shutdown(1));
    }
  }

  const logins: DemoLogin[] = await loadDemoData(databaseUrl, demo);

  const appUrl = (process.env.APP_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
  // the demo's FranceConnect and SSO stand-ins, unless real providers are configured
  const oidc = demo ? await bouchonsOidcDeDemo(appUrl, port) : {};
  const next = run(process.execPath, [...process.execArgv, SERVEUR], {
    ...env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    ...oidc,
    // the demo's PayFiP stand-in, unless a real (or test) PayFiP is configured
    ...(demo ? await bouchonPayfipDeDemo(port) : {}),
    // the demo's API Particulier stand-in (the QF from the CAF), unless a real one is configured; it knows the
    // FranceConnect stand-in's tokens
    ...(demo
      ? await bouchonApiParticulierDeDemo(port, oidc.FRANCECONNECT_ISSUER ?? process.env.FRANCECONNECT_ISSUER)
      : {}),
  });
  next.once("exit", (code, signal) => {
    if (stopping) return;
    if (code !== 0) console.error(`Le serveur s'est arrêté (${signal ?? `code ${code}`}).`);
    void shutdown(code ?? 1);
  });

  while (isRunning(next) && !(await answers(port))) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!isRunning(next)) return;
  if (logins.length) console.log(`\n${formatDemoLogins(logins)}`);
  console.log(`\nPortail Famille : http://localhost:${port}\n`);
}

/** The demo accounts still open (or, `fermer`, the ones just closed), through the database at that URL. */
async function comptesDemo(databaseUrl: string, fermer: boolean): Promise<{ comptes: string[]; commande: string }> {
  // lib/db.ts reads DATABASE_URL when first used, as in demo-seed.ts
  process.env.DATABASE_URL = databaseUrl;
  const { comptesDemoOuverts, fermerComptesDemo, SUPPRIMER } = await import("./comptes-demo");
  try {
    return { comptes: fermer ? await fermerComptesDemo(new Date()) : await comptesDemoOuverts(), commande: SUPPRIMER };
  } finally {
    const { db } = await import("../lib/db");
    await db().$disconnect();
  }
}

main().catch((error: unknown) => {
  if (!stopping) console.error(error instanceof Error ? error.message : error);
  void shutdown(1);
});
