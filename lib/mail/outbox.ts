// The mail outbox. Commands write OutboxMail rows inside their own transaction (enqueueMail), with a
// « courriels » job on the queue (lib/jobs), so a mail exists if and only if what it tells about was committed,
// and the runners are woken by that commit; the job delivers them afterwards, with retries, so an SMTP server
// that is down delays mail but never loses it nor blocks a citizen. The rows stay the source of truth: a job is
// only a wake-up call, and a drain sends whatever is due, whoever queued it.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { ajouterTravail } from "@/lib/jobs/file";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";
import type { OutboxMail } from "@/lib/generated/prisma/client";

export type MailContent = { to: string; subject: string; html: string; text: string };

/** A file sent with a mail (a reçu's PDF), written with it in the same transaction. */
export type PieceJointe = { nom: string; typeMime: string; contenu: Uint8Array };

const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
/** How long a claimed row stays invisible to other workers while it is being sent. */
const LEASE_SECONDS = 120;

export async function enqueueMail(tx: Tx, mail: MailContent, pieces: PieceJointe[] = []): Promise<void> {
  await tx.outboxMail.create({
    data: {
      ...mail,
      ...(pieces.length > 0
        ? {
            pieces: {
              create: pieces.map((p) => ({ nom: p.nom, typeMime: p.typeMime, contenu: Buffer.from(p.contenu) })),
            },
          }
        : {}),
    },
  });
  await reveillerCourriels(tx);
}

/** For a command that wrote OutboxMail rows itself (the month's invoicing, in bulk): one drain after its commit. */
export function reveillerCourriels(tx: Pick<Tx, "$executeRaw">, apres?: Date): Promise<void> {
  return ajouterTravail(tx, "courriels", {}, { apres });
}

/** Delay before the next try: 15 s, 30 s, 1 min … doubling up to one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Delivers due mails. Rows are claimed with one short UPDATE … FOR UPDATE SKIP LOCKED, so any number of
 * nodes can drain the same outbox, and no transaction stays open while talking to the SMTP server.
 */
export async function drainOutbox(limit = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await db().$queryRaw<OutboxMail[]>`
    UPDATE "OutboxMail" SET "nextAttemptAt" = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
      ORDER BY "createdAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING *`;
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      const pieces = await db().pieceJointeCourriel.findMany({
        where: { mailId: mail.id },
        select: { nom: true, typeMime: true, contenu: true },
      });
      const transport = await sendMail(mail, pieces);
      await db().$transaction(async (tx) => {
        await tx.outboxMail.update({
          where: { id: mail.id },
          // Once handed to a real server the body (which may hold a one-time link) and its files are not kept.
          data:
            transport === "smtp"
              ? { status: "SENT", sentAt: new Date(), transport, html: "", text: "", lastError: null }
              : { status: "SENT", sentAt: new Date(), transport, lastError: null },
        });
        if (transport === "smtp") await tx.pieceJointeCourriel.deleteMany({ where: { mailId: mail.id } });
      });
      sent++;
    } catch (error) {
      failed++;
      const gaveUp = Date.now() - mail.createdAt.getTime() > GIVE_UP_AFTER_MS;
      const nextAttemptAt = new Date(Date.now() + retryDelayMs(mail.attempts));
      await db().$transaction(async (tx) => {
        await tx.outboxMail.update({
          where: { id: mail.id },
          data: { status: gaveUp ? "FAILED" : "PENDING", nextAttemptAt, lastError: describeError(error) },
        });
        // the retry's own wake-up, at its time
        if (!gaveUp) await reveillerCourriels(tx, nextAttemptAt);
      });
      // Never log the mail itself: only its id and the transport's error.
      log.warn(
        { evenement: "courriel.echec", courrielId: mail.id, essai: mail.attempts, cause: describeError(error) },
        "envoi de courriel échoué",
      );
    }
  }
  return { sent, failed };
}

/**
 * The « courriels » job: drains until no due mail is left, checking between passes that the node is not
 * stopping (the mail being handed over finishes; the rest waits for another node, or the next start).
 */
export async function envoyerCourriels(continuer: () => boolean = () => true): Promise<void> {
  const parPassage = 20;
  while (continuer()) {
    const { sent, failed } = await drainOutbox(parPassage);
    if (sent + failed < parPassage) return;
  }
}

function describeError(error: unknown): string {
  const code = error && typeof error === "object" && "code" in error ? `${String(error.code)} ` : "";
  return `${code}${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
}

/** The preview mailbox (/dev/mails, when no SMTP server is configured): the latest mails written. */
export function derniersCourriels(nombre = 50) {
  return db().outboxMail.findMany({
    orderBy: { createdAt: "desc" },
    take: nombre,
    include: { pieces: { select: { id: true, nom: true, typeMime: true } } },
  });
}
