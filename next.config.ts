import path from "node:path";
import type { NextConfig } from "next";

// Static security headers; the Content-Security-Policy carries a per-request nonce and is set in proxy.ts.
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` (tsc over the whole tree, tests included) runs in every `npm test` and CI, before the
  // build: the build's own pass over the app was the same check again, 35 s of CI's two cores.
  typescript: { ignoreBuildErrors: true },
  // The container runs .next/standalone (the server and only the files it needs), completed by
  // scripts/standalone.ts with the start scripts; they start the embedded PGlite and migrate through the WASM
  // schema engine, which no page imports, so their files are named here for the trace to copy them.
  output: "standalone",
  outputFileTracingIncludes: {
    "/*": [
      "./node_modules/@electric-sql/pglite/dist/**",
      "./node_modules/@electric-sql/pglite/package.json",
      "./node_modules/@electric-sql/pglite-socket/dist/**",
      "./node_modules/@electric-sql/pglite-socket/package.json",
      "./node_modules/@prisma/schema-engine-wasm/**",
      "./prisma/migrations/**",
      "./prisma/schema.prisma",
      // read by the PayFiP adapter (lib/payfip/wsdl.ts) at its first call
      "./lib/payfip/PaiementSecuriseService.wsdl",
    ],
  },
  // The pages Next caches at run time (the login page, the public pages, the commune read under the tag "commune")
  // stay in each server's memory, never written into .next: a container's filesystem may be read-only, and servers
  // that share one build (the http and e2e tests' apps, the demo; nodes on a shared volume) would otherwise serve
  // one another's pages, rendered with another configuration and another database. Our handler rather than Next's
  // own memory cache: it reads one clock, so an invalidation holds when the machine's wall clock is stepped, and a
  // render that began before an invalidation is never kept as new (lib/web/cache-pages.mjs says how).
  cacheHandler: path.resolve("lib/web/cache-pages.mjs"),
  // Native and WASM modules stay outside the bundle, and the job queue (lib/jobs), loaded as Node loads it.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "@prisma/schema-engine-wasm",
    "soap",
    "graphile-worker",
  ],
  experimental: {
    // Turbopack's build cache (on by default since Next 16.4) speeds up the next build of the same tree. `npm
    // test` builds from scratch (scripts/test.sh removes .next first), so writing it there was pure cost: 16 s at
    // the end of the build that the http and e2e lanes wait for. scripts/test.sh sets PORTAIL_BUILD_SANS_CACHE=1.
    turbopackFileSystemCacheForBuild: process.env.PORTAIL_BUILD_SANS_CACHE !== "1",
    // forbidden() from next/navigation: an AGENT on an ADMIN page gets a real 403 (app/forbidden.tsx).
    authInterrupts: true,
    // One limit for every action, so the largest upload's: a piece sent in Échanges (10 MB) with room above it,
    // so a file somewhat over the limit (a 12 MB scan) reaches the action whole and gets its French message
    // beside the field. Every other page's actions get far less (1 MB without a file): the proxy refuses a
    // heavier body from its length before it is read (lib/web/limites-corps.ts: LIMITE_ACTION_MAX is this).
    serverActions: { bodySizeLimit: "21mb" },
    // The proxy (proxy.ts) buffers request bodies up to this size: the same as above, or it would cut them.
    proxyClientMaxBodySize: "21mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
