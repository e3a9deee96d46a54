import type { TypeDemande } from "@/lib/generated/prisma/client";

type Reprise = { reprendre: string; annuler: string };

/** Where each démarche's wizard is taken up again (a draft, or a demande sent back « à compléter »). */
const REPRISES: Partial<Record<TypeDemande, (demande: { id: string; enfantId: string | null }) => Reprise>> = {
  AJOUT_FAMILLE: () => ({ reprendre: "/famille/declarer", annuler: "/famille/declarer/annuler" }),
  INSCRIPTION: ({ id }) => ({ reprendre: `/inscriptions/${id}`, annuler: `/inscriptions/${id}/annuler` }),
  DOSSIER_SANTE: ({ enfantId }) => ({
    reprendre: `/famille/enfants/${enfantId}/sante/mettre-a-jour`,
    annuler: `/famille/enfants/${enfantId}/sante/annuler`,
  }),
};

export function liensReprise(demande: { id: string; type: TypeDemande; enfantId: string | null }): Reprise | null {
  return REPRISES[demande.type]?.(demande) ?? null;
}
