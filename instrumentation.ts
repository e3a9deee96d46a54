// Runs once when each Next.js node starts: this node's share of the job queue (lib/jobs: the mail, the month's
// invoicing, PayFiP's catch-up, the hourly chores and the kitchen orders, on their schedules). On SIGTERM the
// server (scripts/serveur.ts) lets the jobs under way finish or pause, then closes the database pool.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { demarrerTravaux, arreterTravaux } = await import("@/lib/jobs/noeud");
  const { avantArret } = await import("@/lib/arret");
  const { db } = await import("@/lib/db");
  const { log } = await import("@/lib/log");
  const { version } = (await import("@/package.json")).default;
  await demarrerTravaux();
  avantArret("travaux", arreterTravaux);
  avantArret("base de données", () => db().$disconnect());
  log.info({ evenement: "noeud.demarre", version }, "nœud démarré");
}
