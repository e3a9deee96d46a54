"use server";

import { revalidatePath } from "next/cache";
import { clientIp, requireUsager } from "@/lib/auth/current";
import { appErrorState, formValues, type FormState } from "@/lib/forms";
import { confirmerChangementCourriel } from "@/lib/domain/usager/courriel";

/** The button of the confirmation page (a POST, so that a mail scanner opening the link changes nothing). */
export async function confirmerCourrielAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get("token") ?? "");
  const { usager } = await requireUsager(`/mes-informations/courriel/confirmer/${token}`);
  try {
    const { courriel } = await confirmerChangementCourriel({ usagerId: usager.id, token, ip: await clientIp() });
    revalidatePath("/mon-profil");
    return { values: {}, errors: {}, ok: true, message: `Votre adresse de courriel est désormais ${courriel}.` };
  } catch (error) {
    return appErrorState(error, formValues(formData));
  }
}
