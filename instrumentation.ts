// Runs once when each Next.js node starts: the mail outbox worker, PayFiP's catch-up job (every 2 minutes, when
// online payment is configured), and the hourly chores: expired "Créer mon espace" drafts purged, demandes left
// « à compléter » without answer closed, absences without a justificatif in time refused (any node may run them:
// each is a conditional update, so two nodes doing it at once change nothing twice); and every five minutes the
// kitchen orders whose cutoff has passed are frozen (figerCommandes, serialized by an advisory lock). On SIGTERM the
// server (scripts/serveur.ts) lets the outbox's current send finish, then closes the database pool.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startOutboxWorker, stopOutboxWorker } = await import("@/lib/mail/outbox");
  const { purgeBrouillons } = await import("@/lib/domain/usager/brouillon");
  const { classerDemandesSansReponse } = await import("@/lib/domain/demande/classer");
  const { expirerAbsencesSansJustificatif } = await import("@/lib/domain/absence/expirer");
  const { DEMARCHES } = await import("@/lib/domain/demarches");
  const { figerCommandes } = await import("@/lib/domain/commande-repas/figer");
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
      expirerAbsencesSansJustificatif(DEMARCHES, new Date()).catch((error) =>
        log.warn(
          { evenement: "absences.expiration.echec", cause: error instanceof Error ? error.message : "erreur" },
          "expiration des absences sans justificatif échouée",
        ),
      );
    },
    60 * 60 * 1000,
  );
  corvees.unref();
  const commandes = setInterval(
    () => {
      figerCommandes(new Date()).catch((error) =>
        log.warn(
          { evenement: "commande_repas.echec", cause: error instanceof Error ? error.message : "erreur" },
          "commande des repas non figée",
        ),
      );
    },
    5 * 60 * 1000,
  );
  commandes.unref();
  avantArret("courriels", async () => {
    clearInterval(corvees);
    clearInterval(commandes);
    arreterRattrapagePayfip();
    await stopOutboxWorker();
  });
  avantArret("base de données", () => db().$disconnect());
  log.info({ evenement: "noeud.demarre", version }, "nœud démarré");
}
