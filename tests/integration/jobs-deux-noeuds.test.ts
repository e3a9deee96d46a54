// Two nodes (two processes, each its job runner) on one database: every job queued runs once, on one of them,
// and every mail reaches the SMTP server once, whichever node drained it.
import { afterAll, expect, it } from "vitest";
import { startMailSink } from "@/e2e/fixtures/mail-sink";

// The nodes send to this sink (their SMTP_URL), set before they start.
const sink = await startMailSink({ port: 0 });

const { db } = await import("@/lib/db");
const { enqueueMail } = await import("@/lib/mail/outbox");
const { arreter, demarrerNoeud } = await import("./noeud-fixtures");

const noeuds = await Promise.all([
  demarrerNoeud({ SMTP_URL: `smtp://127.0.0.1:${sink.port}` }),
  demarrerNoeud({ SMTP_URL: `smtp://127.0.0.1:${sink.port}` }),
]);

afterAll(async () => {
  await Promise.all(noeuds.map(arreter));
  await sink.close();
});

const MAILS = 100;

it("runs each job once across two nodes: each mail sent once", async () => {
  // a hundred commands, each its own transaction: each writes its mail and the job that wakes the runners
  for (let i = 0; i < MAILS; i++) {
    await db().$transaction((tx) =>
      enqueueMail(tx, { to: `parent${i}@exemple.fr`, subject: `Objet ${i}`, html: `<p>${i}</p>`, text: `${i}` }),
    );
  }
  await expect
    .poll(
      async () => (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs`)[0]!.n,
      {
        timeout: 60_000,
        interval: 200,
      },
    )
    .toBe(0);

  const faitsParNoeud = () => noeuds.map((n) => [...n.sortie().matchAll(/^fait (\d+) courriels$/gm)].map((m) => m[1]!));
  // the nodes' lines arrive through their stdout, a moment after the queue is empty
  await expect.poll(() => faitsParNoeud().flat().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(MAILS);
  const faits = faitsParNoeud();
  const tous = faits.flat();
  // one success per job queued, and no job id twice, on one node or across both
  expect(tous).toHaveLength(MAILS);
  expect(new Set(tous).size).toBe(MAILS);
  // both nodes took their share
  expect(faits[0]!.length).toBeGreaterThan(0);
  expect(faits[1]!.length).toBeGreaterThan(0);

  const recus = sink.messages().map((m) => m.to[0]);
  expect(recus).toHaveLength(MAILS);
  expect(new Set(recus).size).toBe(MAILS);
  expect(await db().outboxMail.count({ where: { status: "SENT", attempts: 1 } })).toBe(MAILS);
}, 120_000);
