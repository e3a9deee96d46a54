// The public school's canteen as the seed makes it (the commune, its activités and their opening days): its lieu
// and its two menus, which the pointage's and the kitchen order's tests read; and a child whose dossier santé
// gives the kitchen something to count.
import { db } from "@/lib/db";
import { champAllergie, champHabitude } from "@/lib/domain/sante/schemas";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { seedCommune } from "@/prisma/seed";
import { dossierSanteValide, familleInscrite } from "./inscription-fixtures";

export async function cantinePublique() {
  await seedCommune();
  await seedActivites("Villefranque");
  await seedReservations();
  const a = await db().activite.findUniqueOrThrow({
    where: { code: "RESTAURATION_PUBLIQUE" },
    include: { unites: { orderBy: { ordre: "asc" } }, lieux: true },
  });
  return { lieuId: a.lieux[0]!.id, lieu: a.lieux[0]!.nom, classique: a.unites[0]!.id, vegetarien: a.unites[1]!.id };
}

/** The dossier santé the kitchen counts: no pork, a peanut allergy, a PAI. */
export const SANTE_A_COMPTER = {
  [champHabitude("SANS_PORC")]: "on",
  [champAllergie("ARACHIDES")]: "on",
  pai: "on",
};

/** A family whose child is enrolled at the canteen with that dossier santé validated. */
export async function familleAuRegime(nom: string, code?: string) {
  const famille = await familleInscrite(nom, code);
  await dossierSanteValide(famille.usager.id, famille.enfantId, SANTE_A_COMPTER);
  return famille;
}
