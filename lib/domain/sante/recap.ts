// A dossier santé as a recap's sections: the démarche's recap, the dossier's page and the console's view of a
// family all draw it from here. Pure: the caller has opened (and, for an agent, journaled) the fiche.
import { jourParis } from "@/lib/temps/jours";
import { jourDeDate } from "@/lib/temps/jours-calcul";
import type { SectionRecap } from "@/lib/domain/demande/demarche";
import { libellesAllergies, libellesHabitudes, type FicheSante } from "@/lib/domain/sante/schemas";
import { derniereDtPolio, libellesTraitements, libellesVaccins } from "@/lib/domain/sante/suivi";
import { LIBELLES_STATUT, statutDtPolio, type StatutVaccin } from "@/lib/domain/sante/vaccins";

const INCONNU = "Aucune information connue.";

export type OptionsRecap = {
  /** an update: COMMENTAIRE and the PAI request are always shown */
  demande?: boolean;
  /** where the signed PAI is downloaded (the parent's route or the SANTE agents' one) */
  lienPai?: string;
  /** the DT-Polio's state on the day (vaccins.ts), when the child's birth date is at hand */
  dtPolio?: StatutVaccin["statut"];
};

/** The DT-Polio's state on `now`'s calendar day in Europe/Paris, for a child born on `dateNaissance` (a @db.Date). */
export const dtPolioDe = (dateNaissance: Date, fiche: FicheSante, now: Date): StatutVaccin["statut"] =>
  statutDtPolio({ naissance: jourDeDate(dateNaissance), derniere: derniereDtPolio(fiche), aujourdhui: jourParis(now) })
    .statut;

/** « DT-Polio : à jour », as the dossier's page, the recap and the agents' sheet say it. */
export const phraseDtPolio = (statut: StatutVaccin["statut"]) => `DT-Polio : ${LIBELLES_STATUT[statut]}`;

/**
 * A dossier santé as the seed lays it out: MÉDECIN TRAITANT, HABITUDES ALIMENTAIRES, ALLERGIES (and, for an
 * update, COMMENTAIRE and the PAI request), then issue 26's VACCINATIONS, TRAITEMENTS EN COURS and the signed PAI;
 * "Aucune information connue." where nothing is known, as in the seed.
 */
export function sectionsFiche(fiche: FicheSante | null, options: OptionsRecap = {}): SectionRecap[] {
  const { demande = false } = options;
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
    ...sectionsSuivi(fiche, options),
  ];
}

function sectionsSuivi(fiche: FicheSante | null, { lienPai, dtPolio }: OptionsRecap): SectionRecap[] {
  const document = fiche?.paiDocument;
  return [
    {
      titre: "Vaccinations",
      ...(dtPolio ? { texte: [phraseDtPolio(dtPolio)] } : {}),
      liste: fiche ? libellesVaccins(fiche) : [],
      vide: INCONNU,
    },
    {
      titre: "Traitements en cours",
      liste: fiche ? libellesTraitements(fiche) : [],
      vide: "Aucun traitement en cours.",
    },
    document
      ? {
          titre: "PAI signé",
          lignes: [
            {
              libelle: "Document",
              valeur: `${document.nom} (${Math.max(1, Math.round(document.taille / 1024))} Ko)`,
              ...(lienPai ? { href: lienPai } : {}),
            },
          ],
        }
      : { titre: "PAI signé", texte: ["Aucun document joint."] },
  ];
}
