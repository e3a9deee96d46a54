// Runs once per `vitest --project http` run, in the main Vitest process: the BUILT app (`.next`, from
// `npx next build`) started as production starts it (scripts/start.ts: migrations, the commune's settings,
// `next start`), on a free port, against a fresh migrated PostgreSQL database, its mail going to a real SMTP
// sink and its address lookups to the Géoplateforme stand-in. The tests talk to it over HTTP and build their
// state with the domain commands on the same database (tests/http/setup.ts points DATABASE_URL at it).
//
// The cluster is the integration tests' own (tests/integration/global-setup.ts): a throwaway one, or
// TEST_DATABASE_URL's server, where this run's database gets a unique name and is dropped at teardown.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attendreLeBuild } from "../build-attendu";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startMailSink } from "../../e2e/fixtures/mail-sink";
import { startGeoplateformeStandIn } from "../stand-ins/geoplateforme";
import { adminQuery, databaseUrl, migrate, startCluster } from "../integration/global-setup";
import { portLibreDe } from "../ports";

export type ServeurHttp = {
  /** http://127.0.0.1:<port>, the app's address */
  baseUrl: string;
  /** the app's database, where tests build their state with the domain commands */
  databaseUrl: string;
  /** where the app keeps uploaded files (STORAGE_DIR) */
  storageDir: string;
  /** where the SMTP sink writes each mail it receives (.eml), for waitForMail({ dir }) */
  mailDir: string;
  /** the app's CLE_CHIFFREMENT (production requires one): tests encrypt TOTP secrets with it */
  cleChiffrement: string;
  /** everything the app printed (scripts/serveur.ts's request log among it) */
  journal: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    serveurHttp: ServeurHttp;
  }
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const READY_TIMEOUT_MS = 180_000;

export default async function setup(project: TestProject) {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), "portail-http-"));
  const stops: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
  const teardown = async () => {
    for (const stop of stops.reverse()) {
      await Promise.resolve(stop()).catch((error: unknown) => console.warn("[http] teardown:", error));
    }
  };

  try {
    const external = process.env.TEST_DATABASE_URL;
    const cluster = external ? undefined : await startCluster("http");
    if (cluster) stops.push(() => cluster.stop());
    const adminUrl = external ?? cluster!.adminUrl;
    const database = `http_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);
    if (external) stops.push(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    const url = databaseUrl(adminUrl, database);
    await migrate(url);

    const mailDir = join(work, "mails");
    const sink = await startMailSink({ port: 0, dir: mailDir });
    stops.push(() => sink.close());
    const adresses = await startGeoplateformeStandIn({ port: 0 });
    stops.push(() => adresses.close());

    const port = await portLibreDe("http");
    const baseUrl = `http://127.0.0.1:${port}`;
    const storageDir = join(work, "uploads");
    const log = join(work, "serveur.log");
    // Production refuses to start its anti-bot check and its encryption without their keys.
    const cleChiffrement = randomBytes(32).toString("base64");
    await attendreLeBuild(ROOT);
    if (!existsSync(join(ROOT, ".next/BUILD_ID"))) {
      throw new Error(
        "The http tests run against the built app, and .next/BUILD_ID is missing: run `npx next build` first.",
      );
    }
    const app = startApp(log, {
      PORT: String(port),
      // as a deployment names the interface it listens on (the container: 0.0.0.0)
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: url,
      APP_URL: baseUrl,
      DATA_DIR: join(work, "data"),
      STORAGE_DIR: storageDir,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      ADRESSE_API_URL: adresses.url,
      MAIL_FROM: "Portail Famille <portail-famille@mairie.test>",
      CLE_CHIFFREMENT: cleChiffrement,
      ALTCHA_HMAC_KEY: randomBytes(32).toString("hex"),
    });
    stops.push(() => stopApp(app));
    // HTTP_SERVER_LOG=<file> keeps what the app printed, when chasing a failure.
    if (process.env.HTTP_SERVER_LOG) stops.push(() => copyFileSync(log, process.env.HTTP_SERVER_LOG!));
    await waitForHealth(baseUrl, app, log);
    console.log(`[http] built app on ${baseUrl}, database "${database}", ready in ${Date.now() - started} ms`);

    project.provide("serveurHttp", { baseUrl, databaseUrl: url, storageDir, mailDir, cleChiffrement, journal: log });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

export function startApp(log: string, env: Record<string, string>): ChildProcess {
  const output = createWriteStream(log);
  const environment: NodeJS.ProcessEnv = { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" };
  // The test runner's own settings are not the app's.
  for (const name of [
    "TEST_DATABASE_URL",
    "NODE_ENV",
    "VITEST",
    "DEMO",
    "UPLOADTHING_TOKEN",
    "CLE_CHIFFREMENT_ANCIENNE",
  ])
    delete environment[name];
  // Its own process group, so that teardown stops next-server with it. Started as `npm start` starts it: the
  // server-only marker is an empty module outside Next's build (scripts/server-only-hors-next.mjs).
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/server-only-hors-next.mjs", "--import", "tsx", "scripts/start.ts"],
    {
      cwd: ROOT,
      env: environment,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.pipe(output);
  child.stderr!.pipe(output);
  return child;
}

export async function waitForHealth(baseUrl: string, app: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.exitCode !== null || app.signalCode !== null) {
      throw new Error(`The app stopped before answering (${app.exitCode ?? app.signalCode}):\n${tail(log)}`);
    }
    const status = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer /api/health within ${READY_TIMEOUT_MS / 1000} s:\n${tail(log)}`);
}

function tail(log: string): string {
  return existsSync(log) ? readFileSync(log, "utf8").split("\n").slice(-40).join("\n") : "(no output)";
}

/** SIGTERM to the group (the start script stops next-server), SIGKILL after 10 s. */
export async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null || app.pid === undefined) return;
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-app.pid!, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
