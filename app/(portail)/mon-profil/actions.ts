"use server";

import { revalidatePath } from "next/cache";
import { clientIp, requireUsager } from "@/lib/auth/current";
import { appErrorState, formValues, type FormState } from "@/lib/forms";
import { saisirCleEnfance } from "@/lib/domain/famille/rattacher";

/** "Clé enfance" in Modifier mon espace: links the space to its family at once, or asks the agents. */
export async function saisirCleEnfanceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager } = await requireUsager("/mon-profil");
  const values = formValues(formData);
  const saisie = values.cleEnfance?.trim() ?? "";
  if (!saisie) return { values, errors: { cleEnfance: "Indiquez la clé enfance, par exemple K7M4-QX9P." } };
  try {
    const resultat = await saisirCleEnfance({ usager, saisie, ip: await clientIp() });
    revalidatePath("/mon-espace");
    revalidatePath("/mon-profil");
    return resultat.kind === "rattache"
      ? {
          values: {},
          errors: {},
          ok: true,
          message: "Votre espace est rattaché à votre famille : retrouvez-la sur Mon accueil.",
        }
      : {
          values: {},
          errors: {},
          ok: true,
          message: `Votre demande de rattachement N° ${resultat.numero} a été transmise aux agents de la mairie : vous serez informé par courriel.`,
        };
  } catch (error) {
    return appErrorState(error, values);
  }
}
