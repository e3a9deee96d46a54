// The "Changement d'adresses" démarche of a space that holds a family (lib/domain/famille/changement-adresse.ts
// creates and deposits it): the agents check the new address, and accepting moves the household.
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { donneesAdresse } from "@/lib/domain/famille/creer";
import { adresseSchema, type AdresseSaisie } from "@/lib/domain/famille/schemas";
import { adresseDeLEspace } from "@/lib/domain/usager/modifier";
import type { Demande } from "@/lib/generated/prisma/client";

/** What the demande holds: the new address as typed, and the old one as it read at the deposit. */
export type DonneesChangementAdresse = { adresse: AdresseSaisie; ancienne: string };

/** The demande's data, read back (null when it is not a complete address). */
export function lireChangementAdresse(donnees: unknown): DonneesChangementAdresse | null {
  const brut = (donnees ?? {}) as { adresse?: unknown; ancienne?: unknown };
  const adresse = adresseSchema.safeParse(brut.adresse);
  return adresse.success
    ? { adresse: adresse.data, ancienne: typeof brut.ancienne === "string" ? brut.ancienne : "" }
    : null;
}

/** The family's address when it was asked, beside the new one. */
function recap(demande: Demande): SectionRecap[] {
  const changement = lireChangementAdresse(demande.donnees);
  if (!changement) return [{ titre: "Nouvelle adresse", texte: ["Cette demande ne contient pas d'adresse complète."] }];
  const a = changement.adresse;
  return [
    { titre: "Adresse actuelle", texte: [changement.ancienne || "—"] },
    {
      titre: "Nouvelle adresse",
      texte: [
        [a.adresseNumero, a.adresseVoie].filter(Boolean).join(" "),
        [
          a.adresseBatiment && `Bâtiment ${a.adresseBatiment}`,
          a.adresseAppartement && `Appartement ${a.adresseAppartement}`,
        ]
          .filter(Boolean)
          .join(", "),
        a.adresseComplement ?? "",
        `${a.codePostal} ${a.ville}`,
        a.pays ?? "",
        a.codeInsee ? `Code INSEE ${a.codeInsee} (adresse de la base nationale)` : "",
      ].filter(Boolean),
    },
  ];
}

export const DEMARCHE_CHANGEMENT_ADRESSE = {
  type: "CHANGEMENT_ADRESSE",
  libelle: "Changement d'adresse",
  domaine: "Enfance",
  donnees: { version: 1, schema: z.object({ adresse: adresseSchema, ancienne: z.string() }) },
  verifierDepot(donnees) {
    if (!lireChangementAdresse(donnees))
      throw new AppError("incomplete", "Indiquez la nouvelle adresse complète avant de valider.");
  },
  accepter: (tx, demande) => accepterChangementAdresse(tx, demande),
  recap: { usager: async (demande) => recap(demande), agent: async (demande) => recap(demande) },
} satisfies DefinitionDemarche & { type: "CHANGEMENT_ADRESSE" };

/** The agents accept: the household's address becomes the new one, and so does the space's own. */
export async function accepterChangementAdresse(tx: Tx, demande: Demande): Promise<string> {
  const donnees = lireChangementAdresse(demande.donnees);
  if (!donnees || !demande.familleId)
    throw new AppError("incomplete", "Cette demande ne contient pas d'adresse complète.");
  const representant = await tx.representant.findFirst({
    where: { usagerId: demande.usagerId, familleId: demande.familleId },
  });
  if (!representant) throw new AppError("detache", "L'espace du demandeur n'est plus rattaché à cette famille.");
  await tx.adresse.update({ where: { id: representant.adresseId }, data: donneesAdresse(donnees.adresse) });
  await tx.usager.update({ where: { id: demande.usagerId }, data: adresseDeLEspace(donnees.adresse) });
  return "Votre nouvelle adresse est enregistrée par le service Enfance.";
}
