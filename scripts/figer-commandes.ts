// `npm run commandes:figer`: freezes the kitchen orders of the days whose booking cutoff has passed, and makes a
// new version of those changed since (lib/domain/commande-repas/figer.ts). The job queue also runs it every five
// minutes (lib/jobs/taches.ts, once for all the nodes); this is for a commune's own scheduler (cron) or by hand.
import { db } from "@/lib/db";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";

if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL doit désigner la base du portail.");
try {
  const versions = await figerCommandes(new Date());
  console.log(
    versions.length === 0
      ? "Aucune commande des repas à figer."
      : `${versions.length} version(s) de commande des repas figée(s) : ${versions.map((v) => `lieu ${v.lieuId} le ${v.date} (version ${v.version})`).join(", ")}.`,
  );
} finally {
  await db().$disconnect();
}
