"use server";

import { redirect } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { AppError, GENERIC_ERROR } from "@/lib/errors";
import { appErrorState, formValues, type FormState } from "@/lib/forms";
import { annulerDemande } from "@/lib/domain/demande/annuler";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { modifierDossierSante, revenirEtape1Sante } from "@/lib/domain/sante/dossier";
import { dossierSanteDuUsager, medecinParId, rechercherMedecins } from "@/lib/domain/sante/queries";

export type MedecinTrouve = { id: string; libelle: string };
export type SanteState = FormState & { medecins?: MedecinTrouve[]; enregistre?: boolean };

const page = (enfantId: string) => `/famille/enfants/${enfantId}/sante`;

/**
 * Every button of MA DEMANDE posts the whole form. "intent" says what next: "rechercher" (the directory of
 * doctors, nothing saved), "medecin:<id>" (that doctor fills MÉDECIN TRAITANT), "enregistrer", or "etape2".
 * What the parent typed always comes back, so nothing is lost whatever happens.
 */
export async function enregistrerDossierSante(
  enfantId: string,
  _prev: SanteState,
  formData: FormData,
): Promise<SanteState> {
  const { usager } = await requireUsager(page(enfantId));
  const values = formValues(formData);
  const intent = values.intent ?? "enregistrer";
  if (intent === "rechercher") {
    const medecins = await rechercherMedecins(values.rechercheMedecin ?? "");
    return {
      values,
      errors: {},
      medecins: medecins.map((m) => ({ id: m.id, libelle: `Dr ${m.prenom} ${m.nom.toUpperCase()} — ${m.commune}` })),
    };
  }
  if (intent.startsWith("medecin:")) {
    const medecin = await medecinParId(intent.slice("medecin:".length));
    if (medecin)
      Object.assign(values, {
        medecinNom: `Dr ${medecin.prenom} ${medecin.nom.toUpperCase()}`,
        medecinCommune: medecin.commune,
        medecinTelephone: medecin.telephone ?? "",
      });
  }
  try {
    const resultat = await modifierDossierSante({ usagerId: usager.id, enfantId, values, etape2: intent === "etape2" });
    if (resultat.kind === "recapitulatif") redirect(`${page(enfantId)}/recapitulatif`);
    if (resultat.kind === "erreurs") return { values, errors: resultat.errors };
    return { values, errors: {}, enregistre: true };
  } catch (error) {
    return appErrorState(error, values);
  }
}

/** < RETOUR À L'ÉTAPE 1 */
export async function retourEtape1Sante(enfantId: string): Promise<void> {
  const { usager } = await requireUsager(page(enfantId));
  await revenirEtape1Sante(usager.id, enfantId);
  redirect(`${page(enfantId)}/mettre-a-jour`);
}

/** VALIDER: the update is deposited, the parent sees its number. */
export async function validerDossierSante(enfantId: string): Promise<{ message?: string }> {
  const { usager } = await requireUsager(page(enfantId));
  const dossier = await dossierSanteDuUsager(usager.id, enfantId);
  if (!dossier?.editable) redirect(page(enfantId));
  let numero: number;
  try {
    ({ numero } = await deposerDemande({ usagerId: usager.id, demandeId: dossier.editable.id }));
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    // the name of the error only: its message could quote the data
    console.error("[dossier santé] dépôt échoué", error instanceof Error ? error.name : "");
    return { message: GENERIC_ERROR };
  }
  redirect(`/demandes/${numero}/enregistree`);
}

/** ANNULER LA DÉMARCHE, confirmed: the draft is deleted. */
export async function annulerDossierSante(enfantId: string): Promise<void> {
  const { usager } = await requireUsager(page(enfantId));
  const dossier = await dossierSanteDuUsager(usager.id, enfantId);
  if (dossier?.editable?.statut === "BROUILLON")
    await annulerDemande({ usagerId: usager.id, demandeId: dossier.editable.id });
  redirect(page(enfantId));
}
