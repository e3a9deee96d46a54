"use server";

import { revalidatePath } from "next/cache";
import { requireUsager } from "@/lib/auth/current";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { modifierIdentite } from "@/lib/domain/usager/modifier";
import { identiteSchema } from "@/lib/domain/usager/schemas";

export async function modifierIdentiteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager } = await requireUsager("/mon-profil/identite");
  const values = formValues(formData);
  const parsed = parseForm(identiteSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  try {
    await modifierIdentite({ usagerId: usager.id, identite: parsed.data });
  } catch (error) {
    return appErrorState(error, values);
  }
  revalidatePath("/mon-profil", "layout");
  revalidatePath("/mon-espace");
  return { values: {}, errors: {}, ok: true, message: "Votre identité est enregistrée." };
}
