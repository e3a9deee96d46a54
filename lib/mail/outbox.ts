// The mail outbox. Commands write OutboxMail rows inside their own transaction (enqueueMail), so a mail
// exists if and only if what it tells about was committed; this worker delivers them afterwards, with
// retries, so an SMTP server that is down delays mail but never loses it nor blocks a citizen.
import "server-only";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/transport";
import type { OutboxMail } from "@/lib/generated/prisma/client";

export type MailContent = { to: string; subject: string; html: string; text: string };

const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
/** How long a claimed row stays invisible to other workers while it is being sent. */
const LEASE_SECONDS = 120;

export async function enqueueMail(tx: Tx, mail: MailContent): Promise<void> {
  await tx.outboxMail.create({ data: mail });
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
      const transport = await sendMail(mail);
      await db().outboxMail.update({
        where: { id: mail.id },
        // Once handed to a real server the body (which may hold a one-time link) is not kept.
        data:
          transport === "smtp"
            ? { status: "SENT", sentAt: new Date(), transport, html: "", text: "", lastError: null }
            : { status: "SENT", sentAt: new Date(), transport, lastError: null },
      });
      sent++;
    } catch (error) {
      failed++;
      const gaveUp = Date.now() - mail.createdAt.getTime() > GIVE_UP_AFTER_MS;
      await db().outboxMail.update({
        where: { id: mail.id },
        data: {
          status: gaveUp ? "FAILED" : "PENDING",
          nextAttemptAt: new Date(Date.now() + retryDelayMs(mail.attempts)),
          lastError: describeError(error),
        },
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

function describeError(error: unknown): string {
  const code = error && typeof error === "object" && "code" in error ? `${String(error.code)} ` : "";
  return `${code}${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
}

let draining: Promise<unknown> | null = null;
let again = false;

/** Asks for a drain now (after a commit). Calls made while a drain runs are folded into one more pass. */
export function kickOutbox(): void {
  if (stopped) return;
  if (draining) {
    again = true;
    return;
  }
  draining = drainOutbox()
    .catch((error) =>
      log.warn({ evenement: "outbox.echec", cause: describeError(error) }, "relève des courriels échouée"),
    )
    .finally(() => {
      draining = null;
      if (again) {
        again = false;
        kickOutbox();
      }
    });
}

let timer: NodeJS.Timeout | undefined;
let stopped = false;
/** Started once per node from instrumentation.ts: picks up retries and mails queued by other nodes. */
export function startOutboxWorker(intervalMs = config.outboxIntervalMs): void {
  if (timer || !process.env.DATABASE_URL) return;
  stopped = false;
  timer = setInterval(kickOutbox, intervalMs);
  timer.unref();
  kickOutbox();
}

/** The preview mailbox (/dev/mails, when no SMTP server is configured): the latest mails written. */
export function derniersCourriels(nombre = 50) {
  return db().outboxMail.findMany({ orderBy: { createdAt: "desc" }, take: nombre });
}

/**
 * At shutdown: no new pass starts, and the one under way (a mail being handed to the SMTP server) finishes, so
 * no mail is sent twice nor left claimed until its lease runs out. Mail queued meanwhile waits for another node.
 */
export async function stopOutboxWorker(): Promise<void> {
  stopped = true;
  clearInterval(timer);
  timer = undefined;
  again = false;
  while (draining) await draining;
}
