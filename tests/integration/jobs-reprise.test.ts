// The month's invoicing survives a crash: a node (a child process running the job queue) is killed with
// SIGKILL in the middle of a 500-family run; another node starts, takes the run up, and it ends « terminé »
// with one invoice per family, numbers 1 to 500 without a gap, and the run's progress, as the agent's page
// reads it, never going back. A node stopped gracefully (SIGTERM, a deploy) pauses its run between two chunks
// instead, and the next node finishes it.
import { afterAll, beforeAll, expect, it } from "vitest";

// Before the app's modules load: lib/config.ts reads it once. Small chunks, so the kill lands mid-run.
process.env.FACTURATION_TAILLE_LOT = "10";

const { db } = await import("@/lib/db");
const { lancerFacturation } = await import("@/lib/domain/facturation/lancer");
const { simulerFacturation } = await import("@/lib/domain/facturation/simulation");
const { demarrerTravaux, arreterTravaux } = await import("@/lib/jobs/noeud");
const { seedCommune } = await import("@/prisma/seed");
const { seedActivites } = await import("@/prisma/demo-activites");
const { seedReservations } = await import("@/prisma/demo-reservations");
const { creerFoyers, reserverJours, seedTarifs } = await import("@/prisma/demo-facturation");
const { agent } = await import("./demande-fixtures");
const { arreter, demarrerNoeud, tuer } = await import("./noeud-fixtures");

const FAMILLES = 500;
let agentId: string;

beforeAll(async () => {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  await seedTarifs();
  const cantine = await db().activite.findUniqueOrThrow({
    where: { code: "RESTAURATION_PUBLIQUE" },
    include: { unites: { orderBy: { ordre: "asc" } } },
  });
  const foyers = await creerFoyers({ nombre: FAMILLES, enfantsParFoyer: 1, activiteIds: [cantine.id] });
  await reserverJours(
    foyers.flatMap((f) =>
      f.enfants.map((e) => ({
        enfantId: e.enfantId,
        familleId: f.familleId,
        inscriptionId: e.inscriptions.get(cantine.id)!,
        uniteId: cantine.unites[0]!.id,
        du: "2026-09-01" as const,
        au: "2026-10-31" as const,
      })),
    ),
  );
  agentId = (await agent("Irigoyen", { permissions: ["FACTURATION"] })).id;
}, 180_000);

afterAll(() => arreterTravaux());

/** The agent's emission: the month simulated, then emitted with the counts it gave. */
async function lancer(mois: string, now: Date) {
  const confirme = await simulerFacturation({ mois, now });
  return lancerFacturation({ mois, agentId, now, confirme });
}

const etat = (id: string) =>
  db().runFacturation.findUniqueOrThrow({
    where: { id },
    select: { statut: true, familles: true, traitees: true, factures: true },
  });

it("finishes a run whose node was killed mid-way: every invoice once, no gap in the numbers", async () => {
  const run = await lancer("2026-09", new Date("2026-10-01T08:00:00Z"));
  const progression: number[] = [];

  const premier = await demarrerNoeud();
  // the agent's page polls the run's row: so does the test, until a good part (not all) is committed
  let avant = await etat(run.id);
  while (avant.traitees < 150 && avant.statut === "EN_COURS") {
    progression.push(avant.traitees);
    await new Promise((r) => setTimeout(r, 20));
    avant = await etat(run.id);
  }
  await tuer(premier);
  avant = await etat(run.id);
  progression.push(avant.traitees);
  expect(avant.statut).toBe("EN_COURS");
  expect(avant.familles).toBe(FAMILLES);
  expect(avant.traitees).toBeGreaterThanOrEqual(150);
  expect(avant.traitees).toBeLessThan(FAMILLES);
  // what the dead node committed is there, chunk by chunk, and nothing more
  const ecrites = await db().facture.count({ where: { runId: run.id } });
  expect(ecrites).toBe(avant.factures);
  expect(ecrites).toBe(avant.traitees);

  // a node starts (here, in this process): it takes the run up at once
  await demarrerTravaux({ planifier: false });
  let apres = await etat(run.id);
  while (apres.statut === "EN_COURS") {
    progression.push(apres.traitees);
    await new Promise((r) => setTimeout(r, 20));
    apres = await etat(run.id);
  }
  progression.push(apres.traitees);
  expect(apres).toEqual({ statut: "TERMINE", familles: FAMILLES, traitees: FAMILLES, factures: FAMILLES });

  const factures = await db().facture.findMany({
    where: { periodeDebut: new Date("2026-09-01T00:00:00Z") },
    select: { familleId: true, sequence: true, annee: true, serie: true },
    orderBy: { sequence: "asc" },
  });
  expect(factures).toHaveLength(FAMILLES);
  expect(new Set(factures.map((f) => f.familleId)).size).toBe(FAMILLES);
  expect(factures.map((f) => f.sequence)).toEqual(Array.from({ length: FAMILLES }, (_, i) => i + 1));
  expect(await db().compteurNumero.findUnique({ where: { serie_annee: { serie: "FA", annee: 2026 } } })).toMatchObject({
    valeur: FAMILLES,
  });

  // the progress the page showed: never backwards, seen between the ends, before and after the crash
  expect(progression).toEqual([...progression].sort((a, b) => a - b));
  expect(progression.some((n) => n > 0 && n < 150)).toBe(true);
  expect(progression.some((n) => n > avant.traitees && n < FAMILLES)).toBe(true);
  await arreterTravaux();
}, 240_000);

it("pauses a run between two chunks when its node stops gracefully, and the next node finishes it", async () => {
  const run = await lancer("2026-10", new Date("2026-11-02T08:00:00Z"));
  const noeud = await demarrerNoeud();
  let avant = await etat(run.id);
  while (avant.traitees < 100 && avant.statut === "EN_COURS") {
    await new Promise((r) => setTimeout(r, 20));
    avant = await etat(run.id);
  }
  await arreter(noeud);
  expect(noeud.processus.exitCode).toBe(0);
  avant = await etat(run.id);
  // paused, not failed: what was committed stays, and the rest waits for a node
  expect(avant.statut).toBe("EN_COURS");
  expect(avant.traitees).toBeLessThan(FAMILLES);
  expect(await db().facture.count({ where: { runId: run.id } })).toBe(avant.traitees);
  expect((await db().runFacturation.findUniqueOrThrow({ where: { id: run.id } })).erreur).toBeNull();

  await demarrerTravaux({ planifier: false });
  await expect.poll(async () => (await etat(run.id)).statut, { timeout: 60_000, interval: 100 }).toBe("TERMINE");
  expect(await etat(run.id)).toEqual({ statut: "TERMINE", familles: FAMILLES, traitees: FAMILLES, factures: FAMILLES });
  const sequences = await db().facture.findMany({
    where: { periodeDebut: new Date("2026-10-01T00:00:00Z") },
    select: { sequence: true },
    orderBy: { sequence: "asc" },
  });
  // October's numbers follow September's, still without a gap
  expect(sequences.map((f) => f.sequence)).toEqual(Array.from({ length: FAMILLES }, (_, i) => FAMILLES + i + 1));
}, 240_000);
