// Shared by the Paramétrage des réservations tests (parametrage-reservations-*.test.ts): the demo commune seeded
// (its activities, the 2026-2027 school year and its opening days) with an administrator whose commands are
// journaled, and the helpers that count an activity's opening days, read that administrator's journal and catch a
// refusal. (A non-ADMIN agent's refusal is the server actions' wrapper: tests/http/acces.test.ts and
// e2e/parametrage-reservations.)
import { expect } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { agent } from "./demande-fixtures";

export type Activite = { id: number; unites: number[]; lieux: number[] };

/** In August, before any cutoff of September. */
export const AOUT = new Date("2026-08-20T10:00:00Z");

/** The administrator of preparerParametrage, whose journal `journalise` reads. */
let administrateur: string;

/** Seeds the commune (called from the test file's beforeAll): its cantine and garderie, the year, an ADMIN. */
export async function preparerParametrage() {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const activite = async (code: string): Promise<Activite> => {
    const a = await db().activite.findUniqueOrThrow({
      where: { code },
      include: { unites: { orderBy: { ordre: "asc" } }, lieux: { orderBy: { ordre: "asc" } } },
    });
    return { id: a.id, unites: a.unites.map((u) => u.id), lieux: a.lieux.map((l) => l.id) };
  };
  const cantine = await activite("RESTAURATION_PUBLIQUE");
  const garderie = await activite("GARDERIE_PUBLIQUE");
  const anneeId = (await db().anneeScolaire.findUniqueOrThrow({ where: { libelle: "2026-2027" } })).id;
  const adminId = (await agent("Admin")).id;
  await db().agent.update({ where: { id: adminId }, data: { role: "ADMIN" } });
  administrateur = adminId;
  return { cantine, garderie, anneeId, adminId };
}

export const joursDe = async (activite: Activite, where: object = {}) =>
  db().jourOuverture.count({ where: { unite: { activiteId: activite.id }, ...where } });
export const journalise = (event: string) => db().journalEntry.findMany({ where: { event, actorId: administrateur } });

export async function refus(promesse: Promise<unknown>): Promise<AppError> {
  const erreur = await promesse.then(
    () => null,
    (e: unknown) => e,
  );
  expect(erreur).toBeInstanceOf(AppError);
  return erreur as AppError;
}
