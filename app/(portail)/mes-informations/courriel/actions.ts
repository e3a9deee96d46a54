"use server";

import { clientIp, requireUsager } from "@/lib/auth/current";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { demanderChangementCourriel } from "@/lib/domain/usager/courriel";
import { changementCourrielSchema } from "@/lib/domain/usager/schemas";

/** Changement de courriels: the password again, then a confirmation link to the new address. */
export async function changerCourrielAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager } = await requireUsager("/mes-informations/courriel");
  // the password is never sent back to the browser
  const saisie = formValues(formData);
  const values = { ...saisie };
  delete values.motDePasseActuel;
  const parsed = parseForm(changementCourrielSchema, saisie);
  if (!parsed.success) return { values, errors: parsed.errors };
  try {
    await demanderChangementCourriel({
      usager,
      motDePasse: parsed.data.motDePasseActuel,
      nouveauCourriel: parsed.data.courriel,
      ip: await clientIp(),
    });
  } catch (error) {
    return appErrorState(error, values);
  }
  return {
    values: {},
    errors: {},
    ok: true,
    message: `Un lien de confirmation a été envoyé à ${parsed.data.courriel}. Il est valable 24 heures : votre adresse actuelle reste celle de votre espace tant qu'il n'est pas suivi.`,
  };
}
