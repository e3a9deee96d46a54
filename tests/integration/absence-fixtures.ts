// Builders shared by the absences and "service non assuré" tests: a family validated by an agent, its child
// enrolled (restauration, and garderie when asked), and days booked through the parent's own command.
import { db } from "@/lib/db";
import { DEMARCHES } from "@/lib/domain/demarches";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { deciderDemande } from "@/lib/domain/demande/decider";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { seedCommune } from "@/prisma/seed";
import { seedActivites } from "@/prisma/demo-activites";
import { inscrire, seedReservations } from "@/prisma/demo-reservations";
import { agent, declarerFamille, ENFANT, usagerActive } from "./demande-fixtures";
import type { Jour } from "@/lib/temps/jours";

/** In August, before any cutoff of the school year: every day may be booked. */
export const AOUT = new Date("2026-08-20T10:00:00Z");

export type Activites = {
  cantine: { id: number; classique: number };
  garderie: { id: number; matin: number; soir: number };
};

export async function preparerCommune(): Promise<Activites> {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const activite = (code: string) =>
    db().activite.findUniqueOrThrow({ where: { code }, include: { unites: { orderBy: { ordre: "asc" } } } });
  const r = await activite("RESTAURATION_PUBLIQUE");
  const g = await activite("GARDERIE_PUBLIQUE");
  return {
    cantine: { id: r.id, classique: r.unites[0]!.id },
    garderie: { id: g.id, matin: g.unites[0]!.id, soir: g.unites[1]!.id },
  };
}

/** A validated family whose child is enrolled in each activity given (accepted inscriptions). */
export async function familleInscrite(nom: string, activites: number[]) {
  const usager = await usagerActive(nom);
  const instructeur = await agent();
  const demandeId = await declarerFamille(usager, [{ ...ENFANT, nom }]);
  await deposerDemande({ usagerId: usager.id, demandeId, demarches: DEMARCHES });
  await deciderDemande({ demarches: DEMARCHES, agent: instructeur, demandeId, decision: "accepter" });
  const { enfantId, familleId } = await db().familleEnfant.findFirstOrThrow({
    where: { famille: { representants: { some: { usagerId: usager.id } } } },
  });
  const inscriptions: string[] = [];
  for (const activiteId of activites)
    inscriptions.push(await inscrire({ usagerId: usager.id, enfantId, activiteId, agent: instructeur }));
  return { usager, instructeur, enfantId, familleId, inscriptions };
}

/** The parent books these units on every opening day between two days (in August, inside every deadline). */
export async function reserver(
  f: { usager: { id: string }; inscriptions: string[] },
  inscriptionIndex: number,
  uniteId: number,
  du: Jour,
  au: Jour,
) {
  const jours = await db().jourOuverture.findMany({
    where: { uniteId, date: { gte: new Date(`${du}T00:00:00Z`), lte: new Date(`${au}T00:00:00Z`) } },
    select: { date: true },
    distinct: ["date"],
  });
  const bilan = await enregistrerReservations({
    usagerId: f.usager.id,
    inscriptionId: f.inscriptions[inscriptionIndex]!,
    changements: jours.map((j) => ({ date: j.date.toISOString().slice(0, 10), uniteId, reserver: true })),
    now: AOUT,
  });
  if (bilan.refus.length > 0) throw new Error(`réservation refusée : ${JSON.stringify(bilan.refus)}`);
  return jours.length;
}
