"use server";

import { redirect } from "next/navigation";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/auth/current";
import { kickOutbox } from "@/lib/mail/outbox";
import { motDePasseSchema } from "@/lib/domain/usager/schemas";
import { demanderReinitialisation, reinitialiserMotDePasse } from "@/lib/domain/usager/mot-de-passe";

export async function demanderLien(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const cle = values.identifiantOuCourriel?.trim() ?? "";
  if (!cle) return { values, errors: { identifiantOuCourriel: "Indiquez votre identifiant ou votre courriel." } };
  await demanderReinitialisation(cle, { ip: await clientIp() });
  kickOutbox();
  return {
    values,
    errors: {},
    ok: true,
    message:
      "Si un espace activé correspond, un courriel vient de vous être envoyé avec un lien valable 1 heure pour choisir un nouveau mot de passe.",
  };
}

export async function choisirMotDePasse(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = parseForm(motDePasseSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  try {
    await reinitialiserMotDePasse(token, parsed.data.motDePasse, { ip: await clientIp() });
  } catch (error) {
    return appErrorState(error, values);
  }
  redirect("/connexion?reinitialise=1");
}
