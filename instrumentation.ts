// Runs once when each Next.js node starts: the mail outbox worker and the hourly clean-up of expired drafts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startOutboxWorker } = await import("@/lib/mail/outbox");
  const { purgeBrouillons } = await import("@/lib/domain/usager/brouillon");
  startOutboxWorker();
  setInterval(() => purgeBrouillons().catch(() => undefined), 60 * 60 * 1000).unref();
}
