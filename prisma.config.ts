// Prisma 7 reads its datasource URL here. The CLI is only used for `generate` (scripts/prisma-generate.mjs);
// migrations run through the WASM schema engine (scripts/migrate-engine.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/portail_famille" },
});
