// The "Suppression de l'espace personnel" démarche of a space that holds a family (lib/domain/usager/supprimer.ts
// creates and deposits it): accepting detaches the space, which the parent may then delete themself.
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import type { Demande } from "@/lib/generated/prisma/client";

const donneesSchema = z.object({ motif: z.string().default("") });

function recap(demande: Demande): SectionRecap[] {
  const lu = donneesSchema.safeParse(demande.donnees);
  return [
    {
      titre: "Suppression de l'espace personnel",
      texte: [
        "Le demandeur souhaite supprimer son espace personnel. L'accepter détache son espace de la famille : la famille, ses représentants et son historique restent connus du service ; le parent peut ensuite supprimer lui-même son espace.",
      ],
      lignes: [{ libelle: "Motif", valeur: (lu.success && lu.data.motif) || "non précisé" }],
    },
  ];
}

export const DEMARCHE_SUPPRESSION_ESPACE = {
  type: "SUPPRESSION_ESPACE",
  libelle: "Suppression de l'espace personnel",
  domaine: "Enfance",
  donnees: { version: 1, schema: donneesSchema },
  verifierDepot() {},
  accepter: (tx, demande) => accepterSuppressionEspace(tx, demande),
  recap: { usager: async (demande) => recap(demande), agent: async (demande) => recap(demande) },
} satisfies DefinitionDemarche & { type: "SUPPRESSION_ESPACE" };

/** The agents accept: the space leaves the family (which keeps its representant and records). */
export async function accepterSuppressionEspace(tx: Tx, demande: Demande): Promise<string> {
  await tx.representant.updateMany({
    where: { usagerId: demande.usagerId, ...(demande.familleId ? { familleId: demande.familleId } : {}) },
    data: { usagerId: null },
  });
  return "Votre espace n'est plus rattaché à la famille, qui reste connue du service Enfance. Vous pouvez maintenant le supprimer vous-même : Mon profil > Supprimer mon espace.";
}
