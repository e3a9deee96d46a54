// End-to-end tests: Debian's Chromium (never a downloaded browser) against the built app on a real PostgreSQL,
// its mail going to a real SMTP sink, with E2E_WORKERS workers (2 by default) sharing one server.
//
// Order (Playwright runs the webServer entries one after the other, in this order, before any test):
// 1. the mail sink (e2e/fixtures/mail-sink.ts --serve) listens on E2E_SMTP_PORT and writes E2E_MAIL_DIR;
// 2. the stand-in of the address service (tests/stand-ins/geoplateforme.ts --serve) on E2E_ADRESSE_PORT;
// 3. the FranceConnect and agents' SSO stand-ins (tests/stand-ins/franceconnect.ts --serve) on their ports, and
//    the PayFiP stand-in (tests/stand-ins/payfip.ts --serve) on E2E_PAYFIP_PORT;
// 4. the fabrique (e2e/fixtures/fabrique.ts): a throwaway PostgreSQL cluster (or a database on
//    TEST_DATABASE_URL), migrated, with the commune's base data and no family; the factories tests call on
//    E2E_FABRIQUE_PORT; then the app (scripts/start.ts, its output also copied to E2E_SERVER_OUTPUT) on E2E_PORT,
//    ready when /api/health answers 200.
// Each port is free at run time unless set (tests/ports.ts: below the ephemeral range, e2e's own thousand). `npm test` runs `next build` first; without .next/BUILD_ID the start
// script builds (slower). The demo (PGlite, demo accounts) has its own smoke test: playwright.demo.config.ts.
//
// Projects: "desktop" (1280 px) runs the journeys a person makes; "mobile" (360 px) runs e2e/telephone.spec.ts,
// every screen once with its axe scan and the checks that matter on a phone. Both in one invocation.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineConfig, type ReporterDescription } from "@playwright/test";
import { lancementChromium } from "./e2e/fixtures/chromium";
import { portsLibresSync } from "./tests/ports";
import { DEMO_CLIENT } from "./tests/stand-ins/client-oidc-demo";
import { JETON_STAND_IN, SIRET_STAND_IN } from "./tests/stand-ins/api-particulier";

// The runner (no TEST_WORKER_INDEX) settles every port and path once; the workers, which evaluate this file
// too, inherit them through the environment.
if (process.env.TEST_WORKER_INDEX === undefined) {
  const ports = portsLibresSync("e2e", 8);
  process.env.E2E_PORT ??= String(ports[0]);
  process.env.E2E_SMTP_PORT ??= String(ports[1]);
  process.env.E2E_ADRESSE_PORT ??= String(ports[2]);
  process.env.E2E_FABRIQUE_PORT ??= String(ports[3]);
  process.env.E2E_FRANCECONNECT_PORT ??= String(ports[4]);
  process.env.E2E_SSO_PORT ??= String(ports[5]);
  process.env.E2E_PAYFIP_PORT ??= String(ports[6]);
  process.env.E2E_API_PARTICULIER_PORT ??= String(ports[7]);
  process.env.E2E_MAIL_DIR ??= resolve(__dirname, "test-results/mails");
  // Everything the app prints (stdout and stderr), copied by e2e/fixtures/sortie-serveur.ts: a spec checks that
  // no health data reaches it.
  process.env.E2E_SERVER_OUTPUT ??= resolve(__dirname, "test-results/serveur.log");
  // Written by the fabrique: the database's URL, for the workers' sql() helper.
  process.env.E2E_ETAT ??= resolve(__dirname, "test-results/e2e-etat.json");
  // The app runs as in production (no DEMO): its keys are required. Keys of this run only; the fabrique, which
  // encrypts a factory agent's TOTP secret, and the app share them.
  process.env.E2E_CLE_CHIFFREMENT ??= randomBytes(32).toString("base64");
  process.env.E2E_ALTCHA_HMAC_KEY ??= randomBytes(32).toString("hex");
  // The screens axe has scanned in this run, shared by the workers (e2e/fixtures/test.ts), removed at exit.
  if (!process.env.E2E_AXE_DIR) {
    const axeDir = mkdtempSync(join(tmpdir(), "portail-axe-"));
    process.env.E2E_AXE_DIR = axeDir;
    process.on("exit", () => rmSync(axeDir, { recursive: true, force: true }));
  }
  // The app's files (uploads) of this run only, removed when the runner exits, after the servers are stopped.
  if (!process.env.E2E_DATA_DIR) {
    const dataDir = mkdtempSync(join(tmpdir(), "portail-e2e-"));
    process.env.E2E_DATA_DIR = dataDir;
    if (!process.env.E2E_KEEP_DATA) process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  }
}
const PORT = Number(process.env.E2E_PORT);
// The FranceConnect and agents' SSO stand-ins (tests/stand-ins/franceconnect.ts).
const FRANCECONNECT_PORT = Number(process.env.E2E_FRANCECONNECT_PORT);
const SSO_PORT = Number(process.env.E2E_SSO_PORT);
// The PayFiP stand-in (tests/stand-ins/payfip.ts): its SOAP service and its payment page.
const PAYFIP_URL = `http://127.0.0.1:${process.env.E2E_PAYFIP_PORT}`;
const baseURL = `http://127.0.0.1:${PORT}`;

// The app's database is the fabrique's; a DATABASE_URL left in the shell (a developer's, or the integration
// tests') must not leak into it.
delete process.env.DATABASE_URL;

const reporter: ReporterDescription[] = [["list"]];
// scripts/test.sh asks for a JSON report to print the final pass/fail counts.
if (process.env.E2E_JSON_REPORT) reporter.push(["json", { outputFile: process.env.E2E_JSON_REPORT }]);

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  // Each test builds its own state through the factories, under names of its own: tests run side by side, one
  // per worker. Two workers fit two cores (Chromium, the app and PostgreSQL share them).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    baseURL,
    browserName: "chromium",
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    launchOptions: lancementChromium(),
    // Recording a trace costs about a fifth of the suite's CPU (screencast frames and DOM snapshots of every
    // action, measured on two specs: 272 s of CPU with traces, 224 s without), and CI keeps only the console
    // output: traces are for a developer chasing a failure, E2E_TRACE=retain-on-failure.
    trace: process.env.E2E_TRACE === "retain-on-failure" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
  },
  // mobile first: its long screens-and-axe tests start early, instead of ending the run on one worker.
  projects: [
    // A phone checks each screen once (its journeys' logic is the desktop's), plus what only a phone does, plus the
    // journeys the issues ask at 360 px: réservations (a phone's job, every week), FranceConnect (both widths), paying
    // an invoice online.
    {
      name: "mobile",
      use: { viewport: { width: 360, height: 740 }, hasTouch: true },
      testMatch: [
        /telephone\.spec\.ts/,
        /\/reservations\.spec\.ts$/,
        /franceconnect\.spec\.ts/,
        /absences\.spec\.ts/,
        // anchored: facturation-emission.spec.ts (the console, at 1280 px) is the desktop's
        /\/facturation\.spec\.ts$/,
        /paiement\.spec\.ts/,
      ],
    },
    {
      name: "desktop",
      use: { viewport: { width: 1280, height: 800 } },
      // anchored: parametrage-reservations.spec.ts (the console, at 1280 px) is not the parents' reservations
      testIgnore: [
        /telephone\.spec\.ts/,
        /\/reservations\.spec\.ts$/,
        /absences\.spec\.ts/,
        // anchored: facturation-emission.spec.ts (the console, at 1280 px) is the desktop's
        /\/facturation\.spec\.ts$/,
        /paiement\.spec\.ts/,
        /demo\.spec\.ts/,
      ],
    },
  ],
  webServer: [
    {
      name: "mail-sink",
      command: `tsx e2e/fixtures/mail-sink.ts --serve --port ${process.env.E2E_SMTP_PORT} --dir "${process.env.E2E_MAIL_DIR}"`,
      wait: { stdout: /mail sink listening/ },
      stdout: "pipe",
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      name: "adresse-stand-in",
      command: `tsx tests/stand-ins/geoplateforme.ts --serve --port ${process.env.E2E_ADRESSE_PORT}`,
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
      name: "payfip-stand-in",
      command: `tsx tests/stand-ins/payfip.ts --serve --port ${process.env.E2E_PAYFIP_PORT}`,
      wait: { stdout: /payfip stand-in listening/ },
      stdout: "pipe",
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      name: "api-particulier-stand-in",
      command:
        `tsx tests/stand-ins/api-particulier.ts --serve --port ${process.env.E2E_API_PARTICULIER_PORT} ` +
        `--franceconnect http://127.0.0.1:${FRANCECONNECT_PORT}`,
      wait: { stdout: /api-particulier stand-in listening/ },
      stdout: "pipe",
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      name: "app",
      command:
        `node --import ./scripts/server-only-hors-next.mjs --import tsx e2e/fixtures/fabrique.ts -- ` +
        `tsx e2e/fixtures/sortie-serveur.ts "${process.env.E2E_SERVER_OUTPUT}" tsx --import ./scripts/server-only-hors-next.mjs scripts/start.ts`,
      url: `${baseURL}/api/health`,
      // npm test starts this run beside the build (ATTENDRE_BUILD): the fabrique then waits for it as well.
      timeout: process.env.ATTENDRE_BUILD ? 900_000 : 180_000,
      reuseExistingServer: false,
      stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
      stderr: "pipe",
      // Lets the fabrique stop the app, then the database; SIGKILL after 15 s.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: {
        E2E: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(PORT),
        E2E_FABRIQUE_PORT: process.env.E2E_FABRIQUE_PORT!,
        E2E_ETAT: process.env.E2E_ETAT!,
        DATA_DIR: process.env.E2E_DATA_DIR!,
        // Links in mails must point at the host the browser uses, or its cookies would not follow.
        APP_URL: baseURL,
        // The factories' mails (an activation link…) leave from the fabrique's process: the same sink.
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        // The real service is out of reach from test machines (and its answers change).
        ADRESSE_API_URL: `http://127.0.0.1:${process.env.E2E_ADRESSE_PORT}`,
        // The runner on loopback plays the reverse proxy: a spec gives its requests their own client address
        // with X-Forwarded-For, so its login failures do not count against the other specs' address.
        TRUSTED_PROXY: "127.0.0.1/32, ::1/128",
        FRANCECONNECT_ISSUER: `http://127.0.0.1:${FRANCECONNECT_PORT}`,
        FRANCECONNECT_CLIENT_ID: DEMO_CLIENT.clientId,
        FRANCECONNECT_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
        AGENT_OIDC_ISSUER: `http://127.0.0.1:${SSO_PORT}`,
        AGENT_OIDC_CLIENT_ID: DEMO_CLIENT.clientId,
        AGENT_OIDC_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
        // The commune trusts its SSO's second factor (off by default): the SSO spec shows both answers
        AGENT_OIDC_MFA_FOURNISSEUR: "1",
        // Online payment through the PayFiP stand-in (its client number, test mode)
        PAYFIP_URL,
        PAYFIP_NUMCLI: "000000",
        PAYFIP_SAISIE: "T",
        // The QF from the CAF or the MSA through API Particulier's stand-in (its token, a SIRET)
        API_PARTICULIER_URL: `http://127.0.0.1:${process.env.E2E_API_PARTICULIER_PORT}`,
        API_PARTICULIER_JETON: JETON_STAND_IN,
        API_PARTICULIER_SIRET: SIRET_STAND_IN,
        MAIL_FROM: process.env.E2E_MAIL_FROM ?? "Portail Famille <portail-famille@mairie.test>",
        CLE_CHIFFREMENT: process.env.E2E_CLE_CHIFFREMENT!,
        ALTCHA_HMAC_KEY: process.env.E2E_ALTCHA_HMAC_KEY!,
      },
    },
  ],
});
