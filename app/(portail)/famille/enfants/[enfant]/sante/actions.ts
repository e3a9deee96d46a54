"use server";

import { redirect } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { appErrorState, formValues, type FormState } from "@/lib/forms";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { medecinParId, rechercherMedecins } from "@/lib/domain/sante/queries";

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
