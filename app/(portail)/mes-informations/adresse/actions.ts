"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { demanderChangementAdresse } from "@/lib/domain/famille/changement-adresse";
import { adresseSchema } from "@/lib/domain/famille/schemas";
import { modifierAdresseEspace } from "@/lib/domain/usager/modifier";

/** With a family: a demande for the agents, deposited at once. */
export async function demanderChangementAdresseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager } = await requireUsager("/mes-informations/adresse");
  const values = formValues(formData);
  const parsed = parseForm(adresseSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  let numero: number;
  try {
    ({ numero } = await demanderChangementAdresse({ usagerId: usager.id, adresse: parsed.data }));
  } catch (error) {
    return appErrorState(error, values);
  }
  revalidatePath("/mon-espace");
  redirect(`/demandes/${numero}/enregistree`);
}

/** Without a family: the space's own address, changed at once. */
export async function modifierAdresseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager } = await requireUsager("/mes-informations/adresse");
  const values = formValues(formData);
  const parsed = parseForm(adresseSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  try {
    await modifierAdresseEspace({ usagerId: usager.id, adresse: parsed.data });
  } catch (error) {
    return appErrorState(error, values);
  }
  revalidatePath("/mes-informations/adresse");
  revalidatePath("/mon-profil");
  return { values: {}, errors: {}, ok: true, message: "Votre adresse est enregistrée." };
}
