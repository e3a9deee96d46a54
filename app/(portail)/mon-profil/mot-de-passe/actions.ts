"use server";

import { clientIp, requireUsager } from "@/lib/auth/current";
import { appErrorState, parseForm, formValues, type FormState } from "@/lib/forms";
import { changerMotDePasse } from "@/lib/domain/usager/modifier";
import { changementMotDePasseSchema } from "@/lib/domain/usager/schemas";

/** A new password; the other sessions of the space end, this one goes on. Passwords are never sent back. */
export async function changerMotDePasseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { usager, session } = await requireUsager("/mon-profil/mot-de-passe");
  const parsed = parseForm(changementMotDePasseSchema, formValues(formData));
  if (!parsed.success) return { values: {}, errors: parsed.errors };
  try {
    const { sessionsFermees } = await changerMotDePasse({
      usager,
      sessionId: session.id,
      motDePasseActuel: parsed.data.motDePasseActuel,
      motDePasse: parsed.data.motDePasse,
      ip: await clientIp(),
    });
    const autres =
      sessionsFermees === 0
        ? ""
        : sessionsFermees === 1
          ? " Votre autre session ouverte a été fermée."
          : ` Vos ${sessionsFermees} autres sessions ouvertes ont été fermées.`;
    return { values: {}, errors: {}, ok: true, message: `Votre mot de passe est modifié.${autres}` };
  } catch (error) {
    return appErrorState(error, {});
  }
}
