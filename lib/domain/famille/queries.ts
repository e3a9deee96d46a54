// Reads of a family, always reached through the caller's own space.
import { db } from "@/lib/db";

/** The family this space is a representant of, with its children, or null. */
export async function familleDuUsager(usagerId: string) {
  const representant = await db().representant.findFirst({
    where: { usagerId },
    select: {
      famille: {
        select: {
          id: true,
          cleEnfance: true,
          representants: { select: { role: true, prenom: true, nomUsage: true }, orderBy: { role: "asc" } },
          enfants: {
            select: { enfant: { select: { id: true, prenoms: true, nom: true, dateNaissance: true } } },
            orderBy: { enfant: { dateNaissance: "asc" } },
          },
        },
      },
    },
  });
  return representant?.famille ?? null;
}
