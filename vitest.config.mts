// Three projects, run separately by `npm run test:unit`, `npm run test:integration` and `npm run test:http`:
// - unit: pure code (domain rules, schemas, email templates); no database, no network.
// - integration: real PostgreSQL. The global setup starts a throwaway PostgreSQL cluster (or uses
//   TEST_DATABASE_URL), migrates a template database once; each test file then gets its own fresh copy
//   (tests/integration/setup.ts), so files never share data and may run side by side.
// - http: the rules no browser changes (access matrix, throttles, sessions, uploads), over HTTP against the
//   built app (`npx next build` first), started once by tests/http/global-setup.ts on its own database. Files
//   share that server and database: each builds its own families and agents, with its own client address.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  // Same alias as tsconfig `paths` (`@/*` -> `./*`); inherited by both projects through `extends: true`.
  // `server-only` throws outside Next's react-server build: in tests the marker is an empty module.
  resolve: { alias: { "@/": root, "server-only": `${root}node_modules/server-only/empty.js` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          // Pure code, no module state a test changes: one process runs file after file (61 s -> 11 s).
          isolate: false,
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "emails/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
          exclude: ["**/node_modules/**", "lib/generated/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          // Each file has its own database, so two files at a time is safe; more only fights over 2 cores.
          // Tests that start servers (mail sink...) must use port 0, never a fixed port.
          maxWorkers: Number(process.env.INTEGRATION_WORKERS ?? 2),
          // A worker process serves file after file: node_modules (Prisma's runtime, React, zod...) load once
          // per process instead of once per file, which was most of this project's time (import 183 s of
          // 323 s). tests/integration/setup.ts evaluates the project's own modules afresh for each file
          // (vi.resetModules), points DATABASE_URL at the file's own database and replaces the Prisma client
          // kept on globalThis by lib/db.ts, so no state crosses from one file to the next.
          pool: "forks",
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          teardownTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "http",
          environment: "node",
          include: ["tests/http/**/*.test.ts"],
          globalSetup: ["tests/http/global-setup.ts"],
          setupFiles: ["tests/http/setup.ts"],
          // The server is one Node.js process on two shared cores: two files at a time keep it busy enough.
          maxWorkers: 2,
          // As for integration: node_modules once per worker process, the project's modules afresh per file.
          pool: "forks",
          isolate: false,
          // Every login costs an argon2id hash on the server: generous on a busy 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          teardownTimeout: 30_000,
        },
      },
    ],
  },
});
