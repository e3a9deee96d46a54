// A node stopping (SIGTERM) lets its job runner finish the mail it is handing to the SMTP server, and starts no
// other pass: that mail is SENT once, and the one queued meanwhile is either not touched (PENDING, waiting for
// another node or the next start) or, had its own job started before the stop, sent once; never claimed and
// then abandoned until its lease runs out.
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
const { enqueueMail } = await import("@/lib/mail/outbox");
const { demarrerTravaux, arreterTravaux } = await import("@/lib/jobs/noeud");

afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const courriel = (to: string) => ({ to, subject: "Objet", html: "<p>Texte</p>", text: "Texte" });

it("lets the mail being sent finish, then sends nothing more", async () => {
  await db().$transaction((tx) => enqueueMail(tx, courriel("premier@exemple.fr")));
  await demarrerTravaux({ planifier: false });
  // The worker has claimed it and is talking to the SMTP server.
  await vi.waitFor(
    async () =>
      expect((await db().outboxMail.findFirstOrThrow({ where: { to: "premier@exemple.fr" } })).attempts).toBe(1),
    { timeout: 10_000, interval: 50 },
  );
  await db().$transaction((tx) => enqueueMail(tx, courriel("second@exemple.fr")));

  await arreterTravaux();
  const lignes = await db().outboxMail.findMany({
    orderBy: { to: "asc" },
    select: { to: true, status: true, attempts: true },
  });
  expect(lignes[0]).toEqual({ to: "premier@exemple.fr", status: "SENT", attempts: 1 });
  expect([
    { to: "second@exemple.fr", status: "PENDING", attempts: 0 },
    { to: "second@exemple.fr", status: "SENT", attempts: 1 },
  ]).toContainEqual(lignes[1]);
  expect(recus).toBe(lignes.filter((l) => l.status === "SENT").length);
});
