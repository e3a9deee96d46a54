// With the mail server down, a space is still created; its mail waits in the outbox and leaves, once, when
// the server is back. The server is a real SMTP sink (smtp-server + mailparser) on a local port.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMailSink, type MailSink } from "@/e2e/fixtures/mail-sink";
import { portLibreDe } from "@/tests/ports";
import { ligneEnvoyee } from "./outbox-fixtures";

// Chosen before the app's modules load: lib/config.ts reads SMTP_URL once.
const port = await portLibreDe("integration");
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;

const { db } = await import("@/lib/db");
const { drainOutbox } = await import("@/lib/mail/outbox");
const { demarrerTravaux, arreterTravaux } = await import("@/lib/jobs/noeud");
const { creerEspace } = await import("@/lib/domain/usager/creer");
const { seedCommune } = await import("@/prisma/seed");
const { nouvelEspace } = await import("./espace-fixtures");
const { deposerDemande } = await import("@/lib/domain/demande/deposer");
const { DEMARCHES } = await import("@/lib/domain/demarches");
const { declarerFamille, usagerActive } = await import("./demande-fixtures");

let sink: MailSink | undefined;
beforeAll(() => seedCommune());
afterAll(() => sink?.close());

it("keeps the mail while the SMTP server refuses connections and delivers it once it is back", async () => {
  const espace = nouvelEspace({ courriel: "patiente@exemple.fr" });
  const { usagerId } = await creerEspace(espace, { ip: "192.0.2.50" });
  expect(await db().usager.findUnique({ where: { id: usagerId! } })).not.toBeNull();

  expect(await drainOutbox()).toEqual({ sent: 0, failed: 1 });
  const waiting = await db().outboxMail.findFirstOrThrow({ where: { to: "patiente@exemple.fr" } });
  expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
  expect(waiting.lastError).toMatch(/ECONNREFUSED/);
  expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  // not due yet: a drain now leaves it alone
  expect(await drainOutbox()).toEqual({ sent: 0, failed: 0 });

  sink = await startMailSink({ port });
  // time passes: the retry is due
  await db().outboxMail.update({ where: { id: waiting.id }, data: { nextAttemptAt: new Date() } });
  expect(await drainOutbox()).toEqual({ sent: 1, failed: 0 });
  expect(await drainOutbox()).toEqual({ sent: 0, failed: 0 });

  const received = sink.messages();
  expect(received).toHaveLength(1);
  expect(received[0]!.subject).toBe("Mairie de Villefranque - Création de votre espace personnel");
  expect(received[0]!.text).toMatch(/\/activation\/[A-Za-z0-9_-]{43}/);
  expect(received[0]!.html).toContain("Bonjour Mme ETCHART");

  const sent = await db().outboxMail.findUniqueOrThrow({ where: { id: waiting.id } });
  expect(sent).toMatchObject({ status: "SENT", attempts: 2, transport: "smtp", html: "", text: "" });
});

it("lets two workers drain the same outbox without sending a mail twice", async () => {
  await sink!.clear();
  for (let i = 0; i < 6; i++) await creerEspace(nouvelEspace(), { ip: "192.0.2.51" });
  const [a, b] = await Promise.all([drainOutbox(), drainOutbox()]);
  expect(a.sent + b.sent).toBe(6);
  expect(sink!.messages()).toHaveLength(6);
});

it("leaves a demande deposited and its mail queued while the SMTP server is down, and sends it once back", async () => {
  await sink!.close();
  // a node's job runner: the demande's commit wakes it (no call to kick anything)
  await demarrerTravaux({ planifier: false });
  const usager = await usagerActive();
  const { numero } = await deposerDemande({
    demarches: DEMARCHES,
    usagerId: usager.id,
    demandeId: await declarerFamille(usager),
  });
  // the mail's job, woken by the commit, meets a closed port (the attempt is counted when claimed, the error
  // written once the connection is refused)
  await expect
    .poll(async () => (await db().outboxMail.findFirst({ where: { to: usager.courriel } }))?.lastError, {
      timeout: 10_000,
    })
    .toMatch(/ECONNREFUSED/);
  const queued = await db().outboxMail.findFirstOrThrow({ where: { to: usager.courriel } });
  expect(queued).toMatchObject({ subject: `Référence : ${numero}`, status: "PENDING", attempts: 1 });
  expect(await db().demande.findUniqueOrThrow({ where: { numero } })).toMatchObject({ statut: "DEPOSEE" });

  // the retry is a job of its own, due with the row in 15 s: once the server is back and the time has come
  // (moved forward here, for the row and its job), it sends
  sink = await startMailSink({ port });
  await db().outboxMail.update({ where: { id: queued.id }, data: { nextAttemptAt: new Date() } });
  await db().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at > now()`;
  await expect
    .poll(() => sink!.messages().map((m) => m.subject), { timeout: 10_000 })
    .toEqual([`Référence : ${numero}`]);
  expect(await ligneEnvoyee(() => db().outboxMail.findUnique({ where: { id: queued.id } }))).toMatchObject({
    attempts: 2,
  });
  await arreterTravaux();
});
