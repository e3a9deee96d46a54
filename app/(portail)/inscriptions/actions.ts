"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager, actionUsagerLiee, saisieLibre, type SaisieLibre } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { MESSAGE_ATTESTATION } from "@/lib/domain/inscription/regles";

type Extra = {
  /** ALLER À L'ÉTAPE 2 refused: the attestation's message, and the required pieces not attached */
  attestation?: string;
  pieces?: string[];
  enregistre?: boolean;
};
export type InscriptionState = FormState & Extra;

/** A click on an activity under a child: its draft (started now or before), step 1. */
export const commencerInscriptionAction = actionUsager(
  "inscription.commencer",
  z.object({ enfant: z.string(), activite: z.coerce.number().int().positive() }),
  async ({ usager, data }) => {
    const demandeId = await commencerInscription({
      usagerId: usager.id,
      enfantId: data.enfant,
      activiteId: data.activite,
    });
    redirect(`/inscriptions/${demandeId}`);
  },
  { suite: "/inscriptions" },
);

/**
 * ENREGISTRER or ALLER À L'ÉTAPE 2 (the intent): saved as typed, step 2 only when nothing is missing. Bound to
 * the draft's id by the page: the command finds it only among the caller's own drafts.
 */
export const enregistrerInscriptionAction = actionUsagerLiee<SaisieLibre, Extra>(
  "inscription.enregistrer",
  saisieLibre,
  async ({ usager, lie: demandeId, values }) => {
    const etape2 = values.intent === "etape2";
    const resultat = await enregistrerInscription({ usagerId: usager.id, demandeId, values, etape2 });
    if (resultat.etape2) redirect(`/inscriptions/${demandeId}/recapitulatif`);
    if (!resultat.manques) return { values, extra: { enregistre: true } };
    const { champs, attestation, pieces } = resultat.manques;
    return {
      ok: false,
      values,
      errors: champs,
      extra: { attestation: attestation ? MESSAGE_ATTESTATION : undefined, pieces },
    };
  },
  { suite: (demandeId) => `/inscriptions/${demandeId}` },
);
