// The public school's canteen as the seed makes it (the commune, its activités and their opening days): its lieu
// and its two menus, which the pointage's and the kitchen order's tests read.
import { db } from "@/lib/db";
import { seedActivites } from "@/prisma/demo-activites";
import { seedReservations } from "@/prisma/demo-reservations";
import { seedCommune } from "@/prisma/seed";

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
