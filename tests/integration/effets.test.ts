// A command's effects happen after its commit and never after a rollback: the mail queued in its transaction
// (enqueueMail: the row and the job that wakes the runners) leaves once it commits, with no call to kick
// anything, and does not exist when it rolls back; the effects it declares (transaction(), lib/effets.ts: a
// cache dropped, a file removed) run after the commit, see what it wrote, and are dropped with a rollback.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMailSink } from "@/e2e/fixtures/mail-sink";
import { ligneEnvoyee } from "./outbox-fixtures";

const sink = await startMailSink({ port: 0 });
// Before the app's modules load: lib/config.ts reads SMTP_URL once.
process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;

const { db } = await import("@/lib/db");
const { transaction } = await import("@/lib/effets");
const { enqueueMail } = await import("@/lib/mail/outbox");
const { demarrerTravaux, arreterTravaux } = await import("@/lib/jobs/noeud");
const { getCommune } = await import("@/lib/commune");
const { modifierCommune } = await import("@/lib/domain/commune/modifier");
const { seedCommune } = await import("@/prisma/seed");
const { agent } = await import("./demande-fixtures");

beforeAll(async () => {
  await seedCommune();
  await demarrerTravaux({ planifier: false });
});
afterAll(async () => {
  await arreterTravaux();
  await sink.close();
});

const courriel = (to: string) => ({ to, subject: "Objet", html: "<p>Texte</p>", text: "Texte" });
const travauxEnAttente = async () =>
  (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs`)[0]!.n;

it("sends the mail of a command that commits, at once, with nothing kicked by hand", async () => {
  await db().$transaction((tx) => enqueueMail(tx, courriel("valide@exemple.fr")));
  expect((await sink.waitFor({ to: "valide@exemple.fr", timeoutMs: 10_000 })).subject).toBe("Objet");
  expect(await ligneEnvoyee(() => db().outboxMail.findFirst({ where: { to: "valide@exemple.fr" } }))).toMatchObject({
    attempts: 1,
  });
});

it("neither writes nor sends the mail of a command that rolls back, nor runs its effects", async () => {
  let effets = 0;
  // the queue empty first (the previous test's job done), so what follows is this command's only
  await expect.poll(travauxEnAttente, { timeout: 10_000 }).toBe(0);
  await expect(
    transaction(async (tx, apres) => {
      await enqueueMail(tx, courriel("annule@exemple.fr"));
      apres.apresCommit(() => effets++);
      throw new Error("la commande échoue après avoir écrit son courriel");
    }),
  ).rejects.toThrow("la commande échoue");
  expect(await db().outboxMail.count({ where: { to: "annule@exemple.fr" } })).toBe(0);
  expect(await travauxEnAttente()).toBe(0);
  // a commit afterwards goes out, and the rolled-back one never did
  await db().$transaction((tx) => enqueueMail(tx, courriel("ensuite@exemple.fr")));
  await sink.waitFor({ to: "ensuite@exemple.fr", timeoutMs: 10_000 });
  expect(sink.messages().filter((m) => m.to.includes("annule@exemple.fr"))).toHaveLength(0);
  expect(effets).toBe(0);
});

it("runs a command's declared effects after its commit, in order, seeing what it committed", async () => {
  const vus: string[] = [];
  const resultat = await transaction(async (tx, effets) => {
    await tx.commune.update({ where: { id: 1 }, data: { telephone: "05 59 00 00 01" } });
    effets.apresCommit(async () => {
      // outside the transaction: only a committed change is visible here
      vus.push((await db().commune.findUniqueOrThrow({ where: { id: 1 } })).telephone ?? "");
    });
    effets.apresCommit(() => vus.push("second"));
    expect(vus).toEqual([]);
    return "fait";
  });
  expect(resultat).toBe("fait");
  expect(vus).toEqual(["05 59 00 00 01", "second"]);
});

it("drops the commune's cached copy when the Paramétrage's change commits (a declared effect)", async () => {
  // this node keeps the commune 30 s: read now, it is kept
  const avant = await getCommune();
  const { id: agentId } = await agent();
  await modifierCommune({
    agentId,
    saisie: {
      nom: avant.nom,
      adresse: avant.adresse ?? undefined,
      serviceNom: "Service Enfance modifié",
      serviceEmail: avant.serviceEmail,
      telephone: avant.telephone ?? undefined,
      siteUrl: avant.siteUrl ?? undefined,
      totpObligatoire: avant.totpObligatoire,
      delaiJustificatifHeures: avant.delaiJustificatifHeures,
      heureLimiteMaladie: avant.heureLimiteMaladie,
    },
  });
  expect((await getCommune()).serviceNom).toBe("Service Enfance modifié");
});
