// « Ma famille » as its parents read it, always reached through the caller's own space: the representants (with
// their linked space, or the invitation still waiting), the children, the clé enfance, and the family's
// demandes about its people still in instruction.
import { db } from "@/lib/db";
import { EN_COURS } from "@/lib/domain/demande/queries";
import type { TypeDemandeFamille } from "@/lib/domain/famille/deposer-famille";

const TYPES: TypeDemandeFamille[] = ["AJOUT_ENFANT", "AJOUT_CO_REPRESENTANT", "RETRAIT_CO_REPRESENTANT"];

export async function maFamille(usagerId: string) {
  const representant = await db().representant.findFirst({
    where: { usagerId },
    select: {
      role: true,
      famille: {
        select: {
          id: true,
          cleEnfance: true,
          representants: {
            select: {
              id: true,
              role: true,
              civilite: true,
              prenom: true,
              nomUsage: true,
              courriel: true,
              usagerId: true,
            },
            orderBy: { role: "asc" },
          },
          enfants: {
            select: { enfant: { select: { id: true, prenoms: true, nom: true, dateNaissance: true } } },
            orderBy: { enfant: { dateNaissance: "asc" } },
          },
        },
      },
    },
  });
  if (!representant) return null;
  const { famille } = representant;
  const enCours = await db().demande.findMany({
    where: { familleId: famille.id, type: { in: TYPES }, statut: { in: EN_COURS }, numero: { not: null } },
    select: { numero: true, type: true, usagerId: true },
    orderBy: { numero: "asc" },
  });
  return {
    id: famille.id,
    cleEnfance: famille.cleEnfance,
    monRole: representant.role,
    representants: famille.representants,
    enfants: famille.enfants.map((lien) => lien.enfant),
    /** the demande's number, and whether this space made it (only then does its suivi open for this space) */
    enCours: enCours.map((d) => ({ numero: d.numero!, type: d.type, miens: d.usagerId === usagerId })),
    /** the number of the demande of each type in instruction (one at a time for the co-représentant's two) */
    numeroEnCours: Object.fromEntries(enCours.map((d) => [d.type, d.numero!])) as Partial<
      Record<TypeDemandeFamille, number>
    >,
  };
}
