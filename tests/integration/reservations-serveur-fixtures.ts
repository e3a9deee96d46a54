// Shared by the Gérer mes réservations tests on the server (reservations-concurrence.test.ts,
// reservations-regles.test.ts): the demo commune seeded with its cantine's and garderie's units, a family enrolled
// (at the cantine unless told otherwise), and a child's booking rows in order.
import { db } from "@/lib/db";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { familleInscrite } from "./reservation-fixtures";

export type Cantine = { id: number; classique: number; vegetarien: number };
export type Garderie = { id: number; matin: number; soir: number };

/** In August, before any cutoff of September. */
export const AOUT = new Date("2026-08-20T10:00:00Z");

/** The cantine of preparerUnites, where `inscrite` enrols by default. */
let cantineId: number;

/** Seeds the commune (called from the test file's beforeAll) and gives its cantine's and garderie's units. */
export async function preparerUnites(): Promise<{ cantine: Cantine; garderie: Garderie }> {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const activite = async (code: string) =>
    db().activite.findUniqueOrThrow({ where: { code }, include: { unites: { orderBy: { ordre: "asc" } } } });
  const r = await activite("RESTAURATION_PUBLIQUE");
  const cantine = { id: r.id, classique: r.unites[0]!.id, vegetarien: r.unites[1]!.id };
  const g = await activite("GARDERIE_PUBLIQUE");
  const garderie = { id: g.id, matin: g.unites[0]!.id, soir: g.unites[1]!.id };
  cantineId = cantine.id;
  return { cantine, garderie };
}

export const inscrite = (nom: string, activiteId = cantineId) => familleInscrite(nom, activiteId);

export const reservations = (enfantId: string) =>
  db().reservation.findMany({ where: { enfantId }, orderBy: [{ date: "asc" }, { uniteId: "asc" }] });
