// A node of the job queue in a process of its own (the runner of lib/jobs/noeud.ts, its real tasks), for the
// tests that kill one in the middle of its work (jobs-reprise.test.ts) or run two on one database
// (jobs-deux-noeuds.test.ts). Started with `node --import tsx --import ./scripts/server-only-hors-next.mjs`,
// DATABASE_URL set; says "prêt" on stdout once it takes jobs, then "fait <job id> <task>" for each job done;
// SIGTERM stops it as the server script would.
import { arreterTravaux, demarrerTravaux } from "@/lib/jobs/noeud";
import { db } from "@/lib/db";

process.once("SIGTERM", () => {
  void arreterTravaux()
    .then(() => db().$disconnect())
    .finally(() => process.exit(0));
});
const evenements = await demarrerTravaux({ planifier: process.env.PLANIFIER === "1" });
evenements?.on("job:success", ({ job }) => console.log(`fait ${job.id} ${job.task_identifier}`));
console.log("prêt");
