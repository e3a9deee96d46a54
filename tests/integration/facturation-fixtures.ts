// The world of the facturation tests (facturation-calcul, facturation-mois, facturation-apres): the commune, its
// activities and the demo's tariffs seeded once per file by `beforeAll(preparerFacturation, 120_000)`, the units
// the tests book, an agent with FACTURATION; bookings for whole households, and a household's invoice lines.
import { db } from "@/lib/db";
import type { Jour } from "@/lib/temps/jours";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { reserverJours, seedTarifs, type Foyer } from "@/prisma/demo-facturation";
import { agent } from "./demande-fixtures";

// Set by preparerFacturation; read by the tests through the module's live bindings.
export let cantine: { id: number; classique: number };
export let garderie: { id: number; matin: number; soir: number };
export let anneeId: number;
export let agentId: string;
/** The invoices of September are issued on 1 October. */
export const OCTOBRE = new Date("2026-10-01T08:00:00Z");

export async function preparerFacturation() {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  await seedTarifs();
  const activite = (code: string) =>
    db().activite.findUniqueOrThrow({ where: { code }, include: { unites: { orderBy: { ordre: "asc" } } } });
  const r = await activite("RESTAURATION_PUBLIQUE");
  cantine = { id: r.id, classique: r.unites[0]!.id };
  const g = await activite("GARDERIE_PUBLIQUE");
  garderie = { id: g.id, matin: g.unites[0]!.id, soir: g.unites[1]!.id };
  anneeId = (await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } })).id;
  agentId = (await agent("Irigoyen", { permissions: ["FACTURATION"] })).id;
}

/** Each child of the households books these units every opening day between two days. */
export async function reserver(foyers: Foyer[], unites: { activiteId: number; uniteId: number }[], du: Jour, au: Jour) {
  await reserverJours(
    foyers.flatMap((f) =>
      f.enfants.flatMap((e) =>
        unites.map((u) => ({
          enfantId: e.enfantId,
          familleId: f.familleId,
          inscriptionId: e.inscriptions.get(u.activiteId)!,
          uniteId: u.uniteId,
          du,
          au,
        })),
      ),
    ),
  );
}

export const lignesDe = (familleId: string, mois = "2026-09-01") =>
  db().ligneFacture.findMany({
    where: { facture: { familleId, periodeDebut: new Date(`${mois}T00:00:00Z`) } },
    orderBy: { ordre: "asc" },
  });
