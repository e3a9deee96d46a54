// End-to-end tests: Debian's Chromium (never a downloaded browser) against the built app started exactly as
// `npm run demo` starts it (embedded PGlite with demo data), with its mail going to a real SMTP sink.
//
// Order (Playwright runs the webServer entries one after the other, in this order, before any globalSetup):
// 1. the mail sink (e2e/fixtures/mail-sink.ts --serve) listens on E2E_SMTP_PORT and writes test-results/mails/;
// 2. the stand-in of the address service (tests/stand-ins/geoplateforme.ts --serve) listens on E2E_ADRESSE_PORT;
// 3. the FranceConnect and agents' SSO stand-ins (tests/stand-ins/franceconnect.ts --serve) on their ports;
// 4. the app (scripts/start.ts --demo, its output also copied to test-results/serveur.log) on port 3100, ready
//    when /api/health answers 200.
// `npm test` runs `next build` first; when .next/BUILD_ID is missing the start script builds (slower).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineConfig, type ReporterDescription } from "@playwright/test";
import { DEMO_CLIENT } from "./tests/stand-ins/client-oidc-demo";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const ADRESSE_PORT = Number(process.env.E2E_ADRESSE_PORT ?? 2527);
const EMBEDDED_DB_PORT = Number(process.env.E2E_EMBEDDED_DB_PORT ?? 54339);
// The FranceConnect and agents' SSO stand-ins (tests/stand-ins/franceconnect.ts): apart for each half of npm test.
const FRANCECONNECT_PORT = Number(process.env.E2E_FRANCECONNECT_PORT ?? PORT + 165);
const SSO_PORT = Number(process.env.E2E_SSO_PORT ?? PORT + 175);
const baseURL = `http://127.0.0.1:${PORT}`;

// Read by e2e/fixtures/test.ts in the workers (they inherit the runner's environment).
process.env.E2E_MAIL_DIR ??= resolve(__dirname, "test-results/mails");
// Everything the app prints (stdout and stderr), copied by e2e/fixtures/sortie-serveur.ts: a spec checks that
// no health data reaches it.
process.env.E2E_SERVER_OUTPUT ??= resolve(__dirname, "test-results/serveur.log");

// A fresh embedded database for every run. The config is also evaluated in each worker: only the runner
// (no TEST_WORKER_INDEX) creates the directory, and removes it when it exits, after the servers are stopped.
if (!process.env.E2E_DATA_DIR && process.env.TEST_WORKER_INDEX === undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), "portail-e2e-"));
  process.env.E2E_DATA_DIR = dataDir;
  if (!process.env.E2E_KEEP_DATA) process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
}

// The app uses the embedded database unless E2E_DATABASE_URL names a server on purpose; a DATABASE_URL
// left in the shell (a developer's, or the integration tests') must not leak into the demo server.
const databaseUrl = process.env.E2E_DATABASE_URL;
delete process.env.DATABASE_URL;

const reporter: ReporterDescription[] = [["list"]];
// scripts/test.sh asks for a JSON report to print the final pass/fail counts.
if (process.env.E2E_JSON_REPORT) reporter.push(["json", { outputFile: process.env.E2E_JSON_REPORT }]);

export default defineConfig({
  testDir: "e2e",
  // scripts/test.sh runs the desktop and mobile projects as two invocations at once: each has its own.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  // The embedded PGlite runs one query at a time: one worker, tests in order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous: the two projects run at once on CI's two cores, so a step can wait for the other half.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    baseURL,
    browserName: "chromium",
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    // Recording a trace costs about a fifth of the suite's CPU (screencast frames and DOM snapshots of every
    // action, measured on two specs: 272 s of CPU with traces, 224 s without), and CI keeps only the console
    // output: traces are for a developer chasing a failure, E2E_TRACE=retain-on-failure.
    trace: process.env.E2E_TRACE === "retain-on-failure" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } }, grepInvert: /@telephone/ },
    // Every parent flow and every page's axe scan run at both widths. Tests of server rules that no viewport
    // changes (login throttling, session revocation, TOTP enrolment, 403/404 walls, an agent's refusal or garde
    // alternée choice) run once, to keep CI under its 15 minutes: tagged @bureau at 1280 px, @telephone at
    // 360 px, shared so that the two halves, which run at the same time, end together.
    { name: "mobile", use: { viewport: { width: 360, height: 740 } }, grepInvert: /@bureau/ },
  ],
  webServer: [
    {
      name: "mail-sink",
      command: `tsx e2e/fixtures/mail-sink.ts --serve --port ${SMTP_PORT} --dir "${process.env.E2E_MAIL_DIR}"`,
      wait: { stdout: /mail sink listening/ },
      stdout: "pipe",
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      name: "adresse-stand-in",
      command: `tsx tests/stand-ins/geoplateforme.ts --serve --port ${ADRESSE_PORT}`,
      wait: { stdout: /geoplateforme stand-in listening/ },
      stdout: "pipe",
      timeout: 30_000,
      reuseExistingServer: false,
    },
    ...(
      [
        ["franceconnect", FRANCECONNECT_PORT],
        ["agents", SSO_PORT],
      ] as const
    ).map(([profil, port]) => ({
      name: `oidc-${profil}`,
      command: `tsx tests/stand-ins/franceconnect.ts --serve --profil ${profil} --port ${port} --app ${baseURL}`,
      wait: { stdout: /oidc stand-in listening/ },
      stdout: "pipe" as const,
      timeout: 30_000,
      reuseExistingServer: false,
    })),
    {
      name: "app",
      command: `tsx e2e/fixtures/sortie-serveur.ts "${process.env.E2E_SERVER_OUTPUT}" tsx --import ./scripts/server-only-hors-next.mjs scripts/start.ts --demo`,
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
      stderr: "pipe",
      // Lets the start script stop Next.js and close the embedded database; SIGKILL after 10 s.
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        E2E: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        DATA_DIR: process.env.E2E_DATA_DIR ?? "",
        PORT: String(PORT),
        // Links in mails must point at the host the browser uses, or its cookies would not follow.
        APP_URL: baseURL,
        EMBEDDED_DB_PORT: String(EMBEDDED_DB_PORT),
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        // The real service is out of reach from test machines (and its answers change).
        ADRESSE_API_URL: `http://127.0.0.1:${ADRESSE_PORT}`,
        // The runner on loopback plays the reverse proxy: a spec gives its requests their own client address
        // with X-Forwarded-For, so its login failures do not count against the other specs' address.
        TRUSTED_PROXY: "127.0.0.1/32, ::1/128",
        FRANCECONNECT_ISSUER: `http://127.0.0.1:${FRANCECONNECT_PORT}`,
        FRANCECONNECT_CLIENT_ID: DEMO_CLIENT.clientId,
        FRANCECONNECT_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
        AGENT_OIDC_ISSUER: `http://127.0.0.1:${SSO_PORT}`,
        AGENT_OIDC_CLIENT_ID: DEMO_CLIENT.clientId,
        AGENT_OIDC_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
        MAIL_FROM: process.env.E2E_MAIL_FROM ?? "Portail Famille <portail-famille@mairie.test>",
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
    },
  ],
});
