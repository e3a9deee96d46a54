"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { AppError, GENERIC_ERROR } from "@/lib/errors";
import { formValues } from "@/lib/forms";
import { annulerDemande } from "@/lib/domain/demande/annuler";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import {
  commencerInscription,
  enregistrerInscription,
  inscriptionEditable,
  revenirEtape1Inscription,
} from "@/lib/domain/inscription/brouillon";
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
export async function commencerInscriptionAction(enfantId: string, activiteId: number): Promise<{ message?: string }> {
  const { usager } = await requireUsager("/inscriptions");
  let demandeId: string;
  try {
    demandeId = await commencerInscription({ usagerId: usager.id, enfantId, activiteId });
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  redirect(`/inscriptions/${demandeId}`);
}

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

/** < RETOUR À L'ÉTAPE 1 */
export async function retourEtape1Action(demandeId: string): Promise<void> {
  const { usager } = await requireUsager(`/inscriptions/${demandeId}`);
  await revenirEtape1Inscription(usager.id, demandeId);
  redirect(`/inscriptions/${demandeId}`);
}

/** VALIDER: the inscription is deposited through the engine (its rule checked again there). */
export async function validerInscriptionAction(demandeId: string): Promise<{ message?: string }> {
  const { usager } = await requireUsager(`/inscriptions/${demandeId}`);
  if (!(await inscriptionEditable(usager.id, demandeId))) redirect("/mon-espace");
  let numero: number;
  try {
    ({ numero } = await deposerDemande({ usagerId: usager.id, demandeId }));
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    console.error("[inscription] dépôt échoué", error instanceof Error ? error.name : "");
    return { message: GENERIC_ERROR };
  }
  revalidatePath("/mon-espace");
  redirect(`/demandes/${numero}/enregistree`);
}

/** ANNULER LA DÉMARCHE, confirmed: the draft is deleted (its documents stay in Mes documents). */
export async function annulerInscriptionAction(demandeId: string): Promise<void> {
  const { usager } = await requireUsager(`/inscriptions/${demandeId}`);
  const editable = await inscriptionEditable(usager.id, demandeId);
  if (editable?.demande.statut === "BROUILLON") await annulerDemande({ usagerId: usager.id, demandeId });
  redirect("/mon-espace");
}
