"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie, clientIp, requireUsager } from "@/lib/auth/current";
import { optionnel } from "@/lib/champs";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { confirmationMotDePasseSchema } from "@/lib/domain/usager/schemas";
import { demanderSuppressionEspace, supprimerEspace } from "@/lib/domain/usager/supprimer";

/** Without a family: the space is deleted at once and the browser logged out. */
export async function supprimerEspaceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager } = await requireUsager("/mon-profil/supprimer");
  const parsed = parseForm(confirmationMotDePasseSchema, formValues(formData));
  if (!parsed.success) return { values: {}, errors: parsed.errors };
  try {
    await supprimerEspace({ usager, motDePasse: parsed.data.motDePasseActuel, ip: await clientIp() });
  } catch (error) {
    return appErrorState(error, {});
  }
  await clearSessionCookie();
  redirect("/espace-supprime");
}

const demandeSchema = confirmationMotDePasseSchema.extend({ motif: optionnel(1000, "Motif") });

/** With a family: the request to the commune. */
export async function demanderSuppressionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager } = await requireUsager("/mon-profil/supprimer");
  const saisie = formValues(formData);
  const values = { ...saisie };
  delete values.motDePasseActuel;
  const parsed = parseForm(demandeSchema, saisie);
  if (!parsed.success) return { values, errors: parsed.errors };
  let numero: number;
  try {
    ({ numero } = await demanderSuppressionEspace({
      usager,
      motDePasse: parsed.data.motDePasseActuel,
      motif: parsed.data.motif,
      ip: await clientIp(),
    }));
  } catch (error) {
    return appErrorState(error, values);
  }
  redirect(`/demandes/${numero}/enregistree`);
}
