// « Mon quotient familial »: the caller's own family's QF (the current one first, then the history) and its
// consent to API Particulier, always reached through the caller's space (no family id from the page).
import "server-only";
import { db } from "@/lib/db";

export async function quotientDuUsager(usagerId: string) {
  const representant = await db().representant.findFirst({
    where: { usagerId },
    select: {
      famille: {
        select: {
          id: true,
          consentementQfLe: true,
          consentementQfParId: true,
          quotients: {
            select: {
              id: true,
              valeur: true,
              du: true,
              au: true,
              source: true,
              modalite: true,
              annee: true,
              mois: true,
            },
            orderBy: [{ du: "desc" }, { creeLe: "desc" }],
          },
        },
      },
    },
  });
  if (!representant) return null;
  const { id, ...famille } = representant.famille;
  return { familleId: id, ...famille };
}

/** The console's view of a family's QF from the CAF or the MSA: its consent, its last QF, whether the titulaire's
 * INSEE code of birth is known (null: no such family). */
export async function quotientCafDeLaFamille(familleId: string) {
  return db().famille.findUnique({
    where: { id: familleId },
    select: {
      consentementQfLe: true,
      quotients: { orderBy: [{ du: "desc" }, { creeLe: "desc" }], take: 1 },
      representants: { where: { role: "TITULAIRE" }, select: { codeInseeNaissance: true } },
    },
  });
}
