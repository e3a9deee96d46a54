// The job queue on the embedded PGlite, served as `npm start` serves it (pglite-socket, one session behind every
// connection): its schema migrates with ours, a runner starts with its schedule, and a mail queued in a
// transaction leaves without anyone kicking anything, though PGlite does not relay the commit's notification
// (the node finds the job at its next look, JOBS_POLL_INTERVAL_MS); a rolled-back one never exists.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMailSink } from "@/e2e/fixtures/mail-sink";
import { ligneEnvoyee } from "./outbox-fixtures";
import { applyMigrations } from "@/scripts/migrate-engine";
import { startEmbeddedDatabase } from "@/scripts/embedded-db";

const sink = await startMailSink({ port: 0 });
const dir = await mkdtemp(path.join(tmpdir(), "portail-pglite-travaux-"));
const database = await startEmbeddedDatabase({ dataDir: path.join(dir, "pglite"), port: 0 });
// Before the app's modules load and before lib/db.ts opens its pool: this file's database is the embedded one.
process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
process.env.DATABASE_URL = database.url;
process.env.JOBS_POLL_INTERVAL_MS = "200";

const { db } = await import("@/lib/db");
const { enqueueMail } = await import("@/lib/mail/outbox");
const { demarrerTravaux, arreterTravaux } = await import("@/lib/jobs/noeud");

beforeAll(async () => {
  await applyMigrations(database.url);
  expect(await demarrerTravaux()).not.toBeNull();
}, 120_000);

afterAll(async () => {
  await arreterTravaux();
  await db().$disconnect();
  await database.stop();
  await sink.close();
  await rm(dir, { recursive: true, force: true });
});

const courriel = (to: string) => ({ to, subject: "Objet", html: "<p>Texte</p>", text: "Texte" });

it("sends a committed mail and never a rolled-back one", async () => {
  await expect(
    db().$transaction(async (tx) => {
      await enqueueMail(tx, courriel("annule@exemple.fr"));
      throw new Error("annulée");
    }),
  ).rejects.toThrow("annulée");
  await db().$transaction((tx) => enqueueMail(tx, courriel("embarquee@exemple.fr")));
  expect((await sink.waitFor({ to: "embarquee@exemple.fr", timeoutMs: 10_000 })).subject).toBe("Objet");
  await ligneEnvoyee(() => db().outboxMail.findFirst({ where: { to: "embarquee@exemple.fr" } }));
  expect(await db().outboxMail.findMany({ select: { to: true, status: true } })).toEqual([
    { to: "embarquee@exemple.fr", status: "SENT" },
  ]);
  expect(sink.messages()).toHaveLength(1);
}, 30_000);
