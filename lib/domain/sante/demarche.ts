// The "Dossier santé" démarche: a parent's update of a child's dossier (the draft, encrypted, is
// lib/domain/sante/dossier.ts); accepting makes it the dossier's next version. Its recap opens health data:
// for the family itself, or for an agent, whose every reading is journaled (lib/domain/sante/queries-agent.ts).
import { z } from "zod";
import { getCommune } from "@/lib/commune";
import { formatParis } from "@/lib/temps/dates";
import { de } from "@/lib/texte/elision";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { ouvrirValeurs, VERSION_DONNEES_SANTE } from "@/lib/domain/sante/coffre";
import { accepterDossierSante, verifierDepotSante } from "@/lib/domain/sante/dossier";
import { lireDemandeSantePourAgent } from "@/lib/domain/sante/queries-agent";
import { dtPolioDe, sectionsFiche } from "@/lib/domain/sante/recap";
import { lireFiche } from "@/lib/domain/sante/schemas";

type QuelPai = { demande?: string; version?: number };
const quel = ({ demande, version }: QuelPai = {}) =>
  demande ? `?demande=${demande}` : version ? `?version=${version}` : "";

/** Where the parent and the SANTE agents download a signed PAI (each route checks who asks). */
export const lienPaiUsager = (enfantId: string, pai?: QuelPai) =>
  `/famille/enfants/${enfantId}/sante/pai/fichier${quel(pai)}`;
export const lienPaiAgent = (familleId: string, enfantId: string, pai?: QuelPai) =>
  `/agent/familles/${familleId}/enfants/${enfantId}/sante/pai/fichier${quel(pai)}`;

/**
 * The seed's last sentence of the dossier santé's confirmation, when the commune names its school transport
 * operator (Commune.transportOperateur): the signalement is made in the portal, no longer « en mairie ».
 */
export function avisTransportScolaire(operateur: string | null, enfantId: string | null) {
  if (!operateur || !enfantId) return null;
  return {
    texte: `Si votre enfant prend le transport scolaire, nous vous remercions de nous en faire le signalement sur le portail, en parallèle de l'inscription auprès ${de(operateur)}.`,
    lien: { libelle: "Signaler le transport scolaire", href: `/famille/enfants/${enfantId}/transport` },
  };
}

export const DEMARCHE_DOSSIER_SANTE = {
  type: "DOSSIER_SANTE",
  libelle: "Dossier santé",
  domaine: "Enfance",
  demandeDe: "de mise à jour du dossier santé",
  confirmation: "Vous recevez la confirmation que le dossier santé de votre enfant a été déposé.",
  // the form's values, encrypted under the demande's id (lib/domain/sante/coffre.ts); version 1 (before the
  // vaccinations, treatments and PAI document) reads as is: those parts are then empty
  donnees: {
    version: VERSION_DONNEES_SANTE,
    lit: [1],
    schema: z.object({ sante: z.string().optional(), complet: z.boolean().optional() }),
  },
  verifierDepot: verifierDepotSante,
  accepter: (tx, demande) => accepterDossierSante(tx, demande),
  async avisApresDepot(demande) {
    const commune = await getCommune();
    return avisTransportScolaire(commune.transportOperateur, demande.enfantId);
  },
  reprise: ({ enfantId }) => ({
    reprendre: `/famille/enfants/${enfantId}/sante/mettre-a-jour`,
    recapitulatif: `/famille/enfants/${enfantId}/sante/recapitulatif`,
    annuler: `/famille/enfants/${enfantId}/sante/annuler`,
    apresAnnulation: `/famille/enfants/${enfantId}/sante`,
  }),
  recap: {
    // the family's own data, opened for its owner
    async usager(demande) {
      const lecture = lireFiche(ouvrirValeurs(demande));
      return sectionsFiche(lecture.ok ? lecture.fiche : null, {
        demande: true,
        lienPai: demande.enfantId ? lienPaiUsager(demande.enfantId, { demande: demande.id }) : undefined,
      });
    },
    async agent(demande, agentId) {
      const { fiche, enfant } = await lireDemandeSantePourAgent(agentId, demande);
      // which child, for the agent who has the family's file open beside it
      const qui: SectionRecap[] = enfant
        ? [
            {
              titre: `Enfant : ${enfant.prenoms} ${enfant.nom.toUpperCase()}`,
              lignes: [{ libelle: "Date de naissance", valeur: formatParis(enfant.dateNaissance, "dd/MM/yyyy") }],
            },
          ]
        : [];
      // the recap is read now: the DT-Polio's state on this day
      const dtPolio = fiche && enfant ? dtPolioDe(enfant.dateNaissance, fiche, new Date()) : undefined;
      return [
        ...qui,
        ...sectionsFiche(fiche, {
          demande: true,
          dtPolio,
          lienPai:
            demande.familleId && demande.enfantId
              ? lienPaiAgent(demande.familleId, demande.enfantId, { demande: demande.id })
              : undefined,
        }),
      ];
    },
  },
} satisfies DefinitionDemarche & { type: "DOSSIER_SANTE" };
