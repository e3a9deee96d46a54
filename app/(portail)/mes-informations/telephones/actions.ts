"use server";

import { revalidatePath } from "next/cache";
import { requireUsager } from "@/lib/auth/current";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { modifierTelephones } from "@/lib/domain/usager/modifier";
import { telephonesSchema } from "@/lib/domain/usager/schemas";

export async function changerTelephonesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager } = await requireUsager("/mes-informations/telephones");
  const values = formValues(formData);
  const parsed = parseForm(telephonesSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  try {
    await modifierTelephones({ usagerId: usager.id, telephones: parsed.data });
  } catch (error) {
    return appErrorState(error, values);
  }
  revalidatePath("/mes-informations/telephones");
  revalidatePath("/mon-profil");
  return { values: {}, errors: {}, ok: true, message: "Vos numéros de téléphone sont enregistrés." };
}
