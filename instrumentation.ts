// Runs once when each Next.js node starts: the mail outbox worker, and the hourly chores: expired
// "Créer mon espace" drafts purged, demandes left « à compléter » without answer closed (any node may run
// them: each is a conditional update, so two nodes doing it at once change nothing twice).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startOutboxWorker } = await import("@/lib/mail/outbox");
  const { purgeBrouillons } = await import("@/lib/domain/usager/brouillon");
  const { classerDemandesSansReponse } = await import("@/lib/domain/demande/classer");
  const { DEMARCHES } = await import("@/lib/domain/demarches");
  startOutboxWorker();
  setInterval(
    () => {
      purgeBrouillons().catch(() => undefined);
      classerDemandesSansReponse(DEMARCHES).catch((error) =>
        console.warn(`[demandes] classement : ${error instanceof Error ? error.message : "erreur"}`),
      );
    },
    60 * 60 * 1000,
  ).unref();
}
