// Runs once when each Next.js node starts: the mail outbox worker, PayFiP's catch-up job (every 2 minutes, when
// online payment is configured), and the hourly chores: expired
// "Créer mon espace" drafts purged, demandes left « à compléter » without answer closed (any node may run
// them: each is a conditional update, so two nodes doing it at once change nothing twice). On SIGTERM the
// server (scripts/serveur.ts) lets the outbox's current send finish, then closes the database pool.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startOutboxWorker, stopOutboxWorker } = await import("@/lib/mail/outbox");
  const { purgeBrouillons } = await import("@/lib/domain/usager/brouillon");
  const { classerDemandesSansReponse } = await import("@/lib/domain/demande/classer");
  const { DEMARCHES } = await import("@/lib/domain/demarches");
  const { avantArret } = await import("@/lib/arret");
  const { db } = await import("@/lib/db");
  const { log } = await import("@/lib/log");
  const { version } = (await import("@/package.json")).default;
  const { demarrerRattrapagePayfip, arreterRattrapagePayfip } = await import("@/lib/domain/paiement/rattrapage");
  startOutboxWorker();
  demarrerRattrapagePayfip();
  const corvees = setInterval(
    () => {
      purgeBrouillons().catch(() => undefined);
      classerDemandesSansReponse(DEMARCHES).catch((error) =>
        log.warn(
          { evenement: "demandes.classement.echec", cause: error instanceof Error ? error.message : "erreur" },
          "classement des demandes sans réponse échoué",
        ),
      );
    },
    60 * 60 * 1000,
  );
  corvees.unref();
  avantArret("courriels", async () => {
    clearInterval(corvees);
    arreterRattrapagePayfip();
    await stopOutboxWorker();
  });
  avantArret("base de données", () => db().$disconnect());
  log.info({ evenement: "noeud.demarre", version }, "nœud démarré");
}
