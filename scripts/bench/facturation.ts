// The invoicing bench: 5,000 children (2,500 households of two, four in five with a QF) booked on every school day
// of September and October 2026 in the canteen and the garderie's morning and evening (about 255,000 booked days
// a month). September is invoiced first, then one family in ten has its September QF corrected, so October's
// invoices carry régularisations (regularisation.ts compares the ledger of September with what its days cost
// now). Then, timed end to end: October's simulation (simulation.ts: what would be billed, the anomalies) and
// its emission (the counts in PostgreSQL, the lines, the régularisations, the numbers, the invoices and the
// mails written). Budget: under 10 s each. Then a re-run of the month, which must write nothing.
//
// Runs alone: `tsx --import ./scripts/server-only-hors-next.mjs scripts/bench/facturation.ts`, on a throwaway
// PostgreSQL cluster (the integration tests' one) or on BENCH_DATABASE_URL (a database it may fill).
// Exit code: 0 within budget, 1 over it, 2 when the bench could not run.
import { performance } from "node:perf_hooks";
import { adminQuery, databaseUrl, startCluster, type Cluster } from "../../tests/integration/global-setup";
import { applyMigrations } from "../migrate-engine";

export const BUDGET_FACTURATION_MS = 10_000;
export const BUDGET_SIMULATION_MS = 10_000;
const FOYERS = 2_500;
const ENFANTS_PAR_FOYER = 2;

type Mesures = {
  simulationMs: number;
  ms: number;
  relanceMs: number;
  septembreMs: number;
  factures: number;
  regularisations: number;
  jours: number;
};

export async function benchFacturation(): Promise<Mesures> {
  let cluster: Cluster | null = null;
  try {
    if (!process.env.BENCH_DATABASE_URL) {
      cluster = await startCluster("bench");
      await adminQuery(cluster.adminUrl, `CREATE DATABASE bench_facturation`);
      process.env.DATABASE_URL = databaseUrl(cluster.adminUrl, "bench_facturation");
    } else process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
    process.env.DATABASE_POOL_SIZE ??= "5";
    await applyMigrations(process.env.DATABASE_URL);
    const { db } = await import("../../lib/db");
    const { seedCommune } = await import("../../prisma/seed");
    const { seedActivites } = await import("../../prisma/demo-activites");
    const { seedReservations } = await import("../../prisma/demo-reservations");
    const { creerFoyers, reserverJours, seedTarifs } = await import("../../prisma/demo-facturation");
    const { facturerMois } = await import("../../lib/domain/facturation/executer");
    const { simulerFacturation } = await import("../../lib/domain/facturation/simulation");
    await seedCommune();
    await seedActivites("Villefranque");
    await seedReservations();
    await seedTarifs();
    const cantine = await db().activite.findUniqueOrThrow({
      where: { code: "RESTAURATION_PUBLIQUE" },
      include: { unites: { orderBy: { ordre: "asc" } } },
    });
    const garderie = await db().activite.findUniqueOrThrow({
      where: { code: "GARDERIE_PUBLIQUE" },
      include: { unites: { orderBy: { ordre: "asc" } } },
    });
    const preparation = performance.now();
    const foyers = await creerFoyers({
      nombre: FOYERS,
      enfantsParFoyer: ENFANTS_PAR_FOYER,
      activiteIds: [cantine.id, garderie.id],
      nom: "Bench",
    });
    await db().quotientFamilial.createMany({
      data: foyers
        .filter((_, i) => i % 5 !== 0)
        .map((f, i) => ({
          familleId: f.familleId,
          valeur: 300 + ((i * 37) % 1500),
          du: new Date("2026-01-01T00:00:00Z"),
          source: "CAF" as const,
        })),
    });
    const unites = [
      { activiteId: cantine.id, uniteId: cantine.unites[0]!.id },
      { activiteId: garderie.id, uniteId: garderie.unites[0]!.id },
      { activiteId: garderie.id, uniteId: garderie.unites[1]!.id },
    ];
    const jours = await reserverJours(
      foyers.flatMap((f) =>
        f.enfants.flatMap((e) =>
          unites.map((u) => ({
            enfantId: e.enfantId,
            familleId: f.familleId,
            inscriptionId: e.inscriptions.get(u.activiteId)!,
            uniteId: u.uniteId,
            du: "2026-09-01",
            au: "2026-10-31",
          })),
        ),
      ),
    );
    await db().$executeRawUnsafe("ANALYZE");
    console.log(
      `Préparation : ${FOYERS} foyers, ${FOYERS * ENFANTS_PAR_FOYER} enfants, ${jours} jours réservés (${Math.round(performance.now() - preparation)} ms)`,
    );

    const debutSeptembre = performance.now();
    const septembre = await facturerMois({ mois: "2026-09", now: new Date("2026-10-01T08:00:00Z") });
    const septembreMs = performance.now() - debutSeptembre;
    if (septembre.statut !== "TERMINE") throw new Error(`la facturation de septembre a échoué : ${septembre.erreur}`);
    // one family in ten: its September QF corrected after the invoice (a newer attestation)
    await db().quotientFamilial.createMany({
      data: foyers
        .filter((_, i) => i % 10 === 1)
        .map((f, i) => ({
          familleId: f.familleId,
          valeur: 1_800 + i,
          du: new Date("2026-09-01T00:00:00Z"),
          source: "CAF" as const,
        })),
    });
    await db().$executeRawUnsafe("ANALYZE");

    const now = new Date("2026-11-02T08:00:00Z");
    const debutSimulation = performance.now();
    const simulation = await simulerFacturation({ mois: "2026-10", now });
    const simulationMs = performance.now() - debutSimulation;
    const regularisations = simulation.familles.reduce(
      (n, f) => n + f.lignes.filter((l) => l.regularisation !== null).length,
      0,
    );
    if (regularisations === 0) throw new Error("aucune régularisation : le banc ne mesure pas ce qu'il dit");

    const debut = performance.now();
    const run = await facturerMois({ mois: "2026-10", now });
    const ms = performance.now() - debut;
    if (run.statut !== "TERMINE") throw new Error(`la facturation a échoué : ${run.erreur}`);
    if (run.factures !== simulation.factures) throw new Error("l'émission n'a pas écrit ce que la simulation disait");
    const debutRelance = performance.now();
    const relance = await facturerMois({ mois: "2026-10", now: new Date("2026-11-03T08:00:00Z") });
    const relanceMs = performance.now() - debutRelance;
    if (relance.factures !== 0) throw new Error("la relance a écrit des factures");
    await db().$disconnect();
    return { simulationMs, ms, relanceMs, septembreMs, factures: run.factures, regularisations, jours };
  } finally {
    cluster?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchFacturation()
    .then(({ simulationMs, ms, relanceMs, septembreMs, factures, regularisations, jours }) => {
      const simulationOk = simulationMs < BUDGET_SIMULATION_MS;
      const ok = ms < BUDGET_FACTURATION_MS;
      const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
      console.log(
        `Septembre facturé d'abord en ${s(septembreMs)} ; octobre : ${jours} jours réservés sur deux mois, ` +
          `${regularisations} lignes de régularisation ; relance sans effet en ${s(relanceMs)}`,
      );
      // the last line is the measure scripts/bench.ts reports
      console.log(
        `Simulation d'un mois : ${s(simulationMs)} (budget ${BUDGET_SIMULATION_MS / 1000} s) ` +
          `${simulationOk ? "OK" : "DÉPASSÉ"} ; émission : ${factures} factures, ${s(ms)} ` +
          `(budget ${BUDGET_FACTURATION_MS / 1000} s) ${ok ? "OK" : "DÉPASSÉ"}`,
      );
      process.exit(ok && simulationOk ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(2);
    });
}
