// The demo's smoke test: the README's first command's server (`scripts/start.ts --demo`: embedded PGlite in a
// fresh DATA_DIR, migrations, demo accounts) answers, and the demo parent's login reaches Mon accueil.
// The rest of the suite runs on PostgreSQL with factories (playwright.config.ts); this is the one check of the
// embedded database and the demo data.
//   npx playwright test -c playwright.demo.config.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, type ReporterDescription } from "@playwright/test";
import { lancementChromium } from "./e2e/fixtures/chromium";
import { portsLibresSync } from "./tests/ports";

if (process.env.TEST_WORKER_INDEX === undefined) {
  // Free at run time unless set (tests/ports.ts): the app's port and the embedded database's.
  // The demo starts its FranceConnect, agents' SSO, PayFiP and API Particulier stand-ins on PORT+265, +266, +267, +268.
  const [port, base] = portsLibresSync("demo", 2, [265, 266, 267, 268]).map(String);
  process.env.DEMO_E2E_PORT ??= port;
  process.env.DEMO_E2E_EMBEDDED_DB_PORT ??= base;
  if (!process.env.DEMO_E2E_DATA_DIR) {
    const dataDir = mkdtempSync(join(tmpdir(), "portail-demo-"));
    process.env.DEMO_E2E_DATA_DIR = dataDir;
    process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  }
}
const baseURL = `http://127.0.0.1:${process.env.DEMO_E2E_PORT}`;
// The demo starts its own embedded database: a DATABASE_URL left in the shell must not reach it.
delete process.env.DATABASE_URL;

const reporter: ReporterDescription[] = [["list"]];
if (process.env.E2E_JSON_REPORT) reporter.push(["json", { outputFile: process.env.E2E_JSON_REPORT }]);

export default defineConfig({
  testDir: "e2e/demo",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e-demo",
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter,
  use: {
    baseURL,
    browserName: "chromium",
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 800 },
    launchOptions: lancementChromium(),
    trace: "off",
  },
  webServer: {
    command: "tsx --import ./scripts/server-only-hors-next.mjs scripts/start.ts --demo",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: process.env.DEMO_E2E_PORT!,
      APP_URL: baseURL,
      DATA_DIR: process.env.DEMO_E2E_DATA_DIR!,
      EMBEDDED_DB_PORT: process.env.DEMO_E2E_EMBEDDED_DB_PORT!,
    },
  },
});
