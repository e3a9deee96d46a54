"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { requireUsager } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { formValues } from "@/lib/forms";
import { commencerInscription, enregistrerInscription } from "@/lib/domain/inscription/brouillon";
import { MESSAGE_ATTESTATION } from "@/lib/domain/inscription/regles";

export type InscriptionState = {
  values: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
  /** ALLER À L'ÉTAPE 2 refused: the attestation's message, and the required pieces not attached */
  attestation?: string;
  pieces?: string[];
  enregistre?: boolean;
};

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

/** ENREGISTRER or ALLER À L'ÉTAPE 2 (the intent): saved as typed, step 2 only when nothing is missing. */
export async function enregistrerInscriptionAction(
  demandeId: string,
  _prev: InscriptionState,
  formData: FormData,
): Promise<InscriptionState> {
  const { usager } = await requireUsager(`/inscriptions/${demandeId}`);
  const values = formValues(formData);
  const etape2 = values.intent === "etape2";
  let resultat;
  try {
    resultat = await enregistrerInscription({ usagerId: usager.id, demandeId, values, etape2 });
  } catch (error) {
    if (error instanceof AppError) return { values, errors: {}, message: error.message };
    throw error;
  }
  if (resultat.etape2) redirect(`/inscriptions/${demandeId}/recapitulatif`);
  if (!resultat.manques) return { values, errors: {}, enregistre: true };
  const { champs, attestation, pieces } = resultat.manques;
  return { values, errors: champs, attestation: attestation ? MESSAGE_ATTESTATION : undefined, pieces };
}
