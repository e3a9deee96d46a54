// A node stopping (SIGTERM) lets the outbox finish the mail it is handing to the SMTP server, and starts no
// other pass: that mail is SENT once, the one queued meanwhile waits PENDING for another node (or the next
// start) instead of being claimed and then abandoned until its lease runs out.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, expect, it, vi } from "vitest";

// An SMTP server that takes 1.5 s to accept each message: the stop arrives while one is being handed over.
let recus = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    stream.resume();
    stream.on("end", () =>
      setTimeout(() => {
        recus++;
        callback();
      }, 1_500),
    );
  },
});
smtp.listen(0, "127.0.0.1");
await once(smtp.server, "listening");
// Before the app's modules load: lib/config.ts reads SMTP_URL once.
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const { db } = await import("@/lib/db");
const { enqueueMail, startOutboxWorker, stopOutboxWorker } = await import("@/lib/mail/outbox");

afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const courriel = (to: string) => ({ to, subject: "Objet", html: "<p>Texte</p>", text: "Texte" });

it("lets the mail being sent finish, then sends nothing more", async () => {
  await db().$transaction((tx) => enqueueMail(tx, courriel("premier@exemple.fr")));
  startOutboxWorker(60_000);
  // The worker has claimed it and is talking to the SMTP server.
  await vi.waitFor(
    async () =>
      expect((await db().outboxMail.findFirstOrThrow({ where: { to: "premier@exemple.fr" } })).attempts).toBe(1),
    { timeout: 10_000, interval: 50 },
  );
  await db().$transaction((tx) => enqueueMail(tx, courriel("second@exemple.fr")));

  await stopOutboxWorker();
  const lignes = await db().outboxMail.findMany({
    orderBy: { to: "asc" },
    select: { to: true, status: true, attempts: true },
  });
  expect(lignes).toEqual([
    { to: "premier@exemple.fr", status: "SENT", attempts: 1 },
    { to: "second@exemple.fr", status: "PENDING", attempts: 0 },
  ]);
  expect(recus).toBe(1);
});
