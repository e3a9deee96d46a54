// A dossier santé as a recap's sections: the démarche's recap, the dossier's page and the console's view of a
// family all draw it from here. Pure: the caller has opened (and, for an agent, journaled) the fiche.
import type { SectionRecap } from "@/lib/domain/demande/demarche";
import { libellesAllergies, libellesHabitudes, type FicheSante } from "@/lib/domain/sante/schemas";

const INCONNU = "Aucune information connue.";

/**
 * A dossier santé as the seed lays it out: MÉDECIN TRAITANT, HABITUDES ALIMENTAIRES, ALLERGIES (and, for an
 * update, COMMENTAIRE and the PAI request); "Aucune information connue." where nothing is known, as in the seed.
 */
export function sectionsFiche(fiche: FicheSante | null, { demande = false } = {}): SectionRecap[] {
  const medecin = fiche?.medecin;
  return [
    {
      titre: "Médecin traitant",
      texte: medecin
        ? [medecin.nom, medecin.commune ?? "", medecin.telephone ? `Téléphone : ${medecin.telephone}` : ""].filter(
            Boolean,
          )
        : [INCONNU],
    },
    { titre: "Habitudes alimentaires", liste: fiche ? libellesHabitudes(fiche) : [], vide: INCONNU },
    { titre: "Allergies", liste: fiche ? libellesAllergies(fiche) : [], vide: INCONNU },
    ...(demande || fiche?.commentaire || fiche?.pai
      ? [
          {
            titre: "Commentaire",
            texte: [fiche?.commentaire || "Aucun commentaire.", `Demande de PAI : ${fiche?.pai ? "oui" : "non"}`],
          },
        ]
      : []),
  ];
}
