import type { TypeDemande } from "@/lib/generated/prisma/client";

/** A démarche's pages around one demande: step 1, step 2, the cancel confirmation, and where a cancel leads. */
export type Reprise = { reprendre: string; recapitulatif: string; annuler: string; apresAnnulation: string };

type Demande = { id: string; enfantId: string | null };

/** Where each démarche's wizard is taken up again (a draft, or a demande sent back « à compléter »). */
const REPRISES: Partial<Record<TypeDemande, (demande: Demande) => Reprise>> = {
  AJOUT_FAMILLE: () => ({
    reprendre: "/famille/declarer",
    recapitulatif: "/famille/declarer/recapitulatif",
    annuler: "/famille/declarer/annuler",
    apresAnnulation: "/mon-espace",
  }),
  INSCRIPTION: ({ id }) => ({
    reprendre: `/inscriptions/${id}`,
    recapitulatif: `/inscriptions/${id}/recapitulatif`,
    annuler: `/inscriptions/${id}/annuler`,
    apresAnnulation: "/mon-espace",
  }),
  DOSSIER_SANTE: ({ enfantId }) => ({
    reprendre: `/famille/enfants/${enfantId}/sante/mettre-a-jour`,
    recapitulatif: `/famille/enfants/${enfantId}/sante/recapitulatif`,
    annuler: `/famille/enfants/${enfantId}/sante/annuler`,
    apresAnnulation: `/famille/enfants/${enfantId}/sante`,
  }),
};

export function liensReprise(demande: Demande & { type: TypeDemande }): Reprise | null {
  return REPRISES[demande.type]?.(demande) ?? null;
}
