// A node of the job queue in a process of its own (the runner of lib/jobs/noeud.ts, its real tasks), for the
// tests that kill one in the middle of its work (jobs-reprise.test.ts) or run two on one database
// (jobs-deux-noeuds.test.ts). Started with `node --import tsx --import ./scripts/server-only-hors-next.mjs`,
// DATABASE_URL set; says "prêt" on stdout once it takes jobs; SIGTERM stops it as the server script would.
import { arreterTravaux, demarrerTravaux } from "@/lib/jobs/noeud";
import { db } from "@/lib/db";

process.once("SIGTERM", () => {
  void arreterTravaux()
    .then(() => db().$disconnect())
    .finally(() => process.exit(0));
});
await demarrerTravaux({ planifier: process.env.PLANIFIER === "1" });
console.log("prêt");
