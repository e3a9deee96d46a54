// Builds the pointage's service worker (app/(agent)/agent/pointage/sw.ts, with serwist's BackgroundSyncQueue)
// into public/agent/pointage-sw.js, served at /agent/pointage-sw.js and registered with the scope /agent/pointage
// (the page and below it; the scope "/agent/pointage/" a worker under that folder gets would miss the page). Run
// before `next build` and `next dev` (package.json) and by scripts/start.ts before its own build: Next 16
// builds with Turbopack, which has no plugin for a service worker (@serwist/next's is webpack's), so the worker
// is bundled here by esbuild. The output is not committed (.gitignore).
import { build } from "esbuild";

await build({
  entryPoints: ["app/(agent)/agent/pointage/sw.ts"],
  outfile: "public/agent/pointage-sw.js",
  bundle: true,
  format: "iife",
  target: "es2022",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  // serwist's development messages are left out
  define: { "process.env.NODE_ENV": '"production"' },
});
