// `npm test` (scripts/test.sh) starts the lanes that need the build (http, e2e) while it runs, with
// ATTENDRE_BUILD=1: each sets up what does not need it (its PostgreSQL, its database, its stand-ins) and waits
// here, just before starting the app, for the mark the build leaves when it ends (.next/build-ok, or
// .next/build-failed). Without ATTENDRE_BUILD (a developer running one file), nothing is awaited.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as pause } from "node:timers/promises";

export async function attendreLeBuild(racine: string): Promise<void> {
  if (!process.env.ATTENDRE_BUILD) return;
  while (!existsSync(join(racine, ".next/build-ok"))) {
    if (existsSync(join(racine, ".next/build-failed"))) throw new Error("The build failed: there is no app to test.");
    await pause(500);
  }
}
