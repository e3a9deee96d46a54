// Completes .next/standalone (written by `next build` with output: "standalone") into the tree the container
// runs, so the Dockerfile only copies it: the static assets and public/ (which Next.js leaves out), and the
// start scripts bundled into plain ESM (no tsx, no TypeScript at run time):
//   scripts/start.mjs        the CMD: embedded PGlite or DATABASE_URL, migrations, demo data when PREVIEW=1,
//                            then scripts/serveur.mjs (Next.js with request logs and a graceful stop)
//   scripts/sauvegarde.mjs   npm run sauvegarde
//   scripts/restauration.mjs npm run restauration
// Packages with WASM, native code or files found at run time stay outside the bundles; next.config.ts's
// outputFileTracingIncludes puts them (and prisma/migrations) in the standalone tree.
// Run by `npm run build` after `next build`.
import { cp, mkdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SORTIE = path.join(ROOT, ".next/standalone");

const EXTERNES = [
  "next",
  "@electric-sql/pglite",
  "@electric-sql/pglite-socket",
  "@prisma/schema-engine-wasm",
  "@node-rs/argon2",
  "pino",
  // optional native binding pg looks for, absent by design
  "pg-native",
  // the demo's OpenID stand-ins (scripts/demo-oidc.ts): a dev dependency, skipped where it is not installed
  "oidc-provider",
  // PayFiP's SOAP client and the demo's stand-in (scripts/demo-payfip.ts): traced by next into the output
  "soap",
];

const POINTS_ENTREE = ["start", "serveur", "sauvegarde", "restauration"].filter((nom) =>
  existsSync(path.join(ROOT, `scripts/${nom}.ts`)),
);

async function main(): Promise<void> {
  if (!existsSync(path.join(SORTIE, "server.js"))) {
    throw new Error('.next/standalone/server.js manque : lancez d\'abord `next build` (output: "standalone").');
  }
  await rm(path.join(SORTIE, ".next/static"), { recursive: true, force: true });
  await cp(path.join(ROOT, ".next/static"), path.join(SORTIE, ".next/static"), { recursive: true });
  await cp(path.join(ROOT, "public"), path.join(SORTIE, "public"), { recursive: true });
  // anew each time: the chunks' names change with their content, and an old one would only weigh on the image
  await rm(path.join(SORTIE, "scripts"), { recursive: true, force: true });
  await mkdir(path.join(SORTIE, "scripts"), { recursive: true });
  await build({
    entryPoints: Object.fromEntries(POINTS_ENTREE.map((nom) => [nom, path.join(ROOT, `scripts/${nom}.ts`)])),
    outdir: path.join(SORTIE, "scripts"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    splitting: true,
    chunkNames: "commun/[name]-[hash]",
    external: EXTERNES,
    // The marker of the modules that never reach a browser throws outside Next's server build: these scripts are
    // server code, so it is nothing here (as scripts/server-only-hors-next.mjs makes it for tsx).
    alias: { "server-only": path.join(ROOT, "node_modules/server-only/empty.js") },
    tsconfig: path.join(ROOT, "tsconfig.json"),
    // The CommonJS packages in the bundles (pg, nodemailer…) call require and read __dirname.
    banner: {
      js: [
        'import { createRequire as __creerRequire } from "node:module";',
        'import { fileURLToPath as __versChemin } from "node:url";',
        "const require = __creerRequire(import.meta.url);",
        "const __filename = __versChemin(import.meta.url);",
        'const __dirname = __versChemin(new URL(".", import.meta.url));',
      ].join("\n"),
    },
    logLevel: "warning",
  });
  console.log(`Sortie autonome complétée : ${path.relative(ROOT, SORTIE)} (scripts : ${POINTS_ENTREE.join(", ")})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
