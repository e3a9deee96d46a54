// The "Dossier santé" démarche: a parent's update of a child's dossier (the draft, encrypted, is
// lib/domain/sante/dossier.ts); accepting makes it the dossier's next version. Its recap opens health data:
// for the family itself, or for an agent, whose every reading is journaled (lib/domain/sante/queries-agent.ts).
import { z } from "zod";
import { formatParis } from "@/lib/temps/dates";
import type { DefinitionDemarche, SectionRecap } from "@/lib/domain/demande/demarche";
import { ouvrirValeurs } from "@/lib/domain/sante/coffre";
import { accepterDossierSante, verifierDepotSante } from "@/lib/domain/sante/dossier";
import { lireDemandeSantePourAgent } from "@/lib/domain/sante/queries-agent";
import { sectionsFiche } from "@/lib/domain/sante/recap";
import { lireFiche } from "@/lib/domain/sante/schemas";

export const DEMARCHE_DOSSIER_SANTE = {
  type: "DOSSIER_SANTE",
  libelle: "Dossier santé",
  domaine: "Enfance",
  demandeDe: "de mise à jour du dossier santé",
  confirmation: "Vous recevez la confirmation que le dossier santé de votre enfant a été déposé.",
  // the form's values, encrypted under the demande's id (lib/domain/sante/coffre.ts)
  donnees: { version: 1, schema: z.object({ sante: z.string().optional(), complet: z.boolean().optional() }) },
  verifierDepot: verifierDepotSante,
  accepter: (tx, demande) => accepterDossierSante(tx, demande),
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
      return sectionsFiche(lecture.ok ? lecture.fiche : null, { demande: true });
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
      return [...qui, ...sectionsFiche(fiche, { demande: true })];
    },
  },
} satisfies DefinitionDemarche & { type: "DOSSIER_SANTE" };
