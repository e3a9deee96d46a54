"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionPublique } from "@/lib/action";
import { formatParis } from "@/lib/dates";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/auth/current";
import { ALTCHA_MESSAGE, verifyAltcha } from "@/lib/auth/altcha";
import { kickOutbox } from "@/lib/mail/outbox";
import { motDePasseSchema } from "@/lib/domain/usager/schemas";
import {
  demanderReinitialisation,
  limiterDemandeReinitialisation,
  reinitialiserMotDePasse,
} from "@/lib/domain/usager/mot-de-passe";

const demandeLienSchema = z.object({
  identifiantOuCourriel: z.string().trim().min(1, { error: "Indiquez votre identifiant ou votre courriel." }).max(254),
  altcha: z.string().optional(),
});

export const demanderLien = actionPublique("demanderLien", demandeLienSchema, async ({ data, values }) => {
  if (!(await verifyAltcha(data.altcha))) return { ok: false, errors: { altcha: ALTCHA_MESSAGE } };
  const jusqua = await limiterDemandeReinitialisation(data.identifiantOuCourriel);
  if (jusqua) {
    return {
      ok: false,
      message: `Trois liens ont déjà été demandés dans l'heure pour cet identifiant ou ce courriel. Réessayez à partir de ${formatParis(jusqua, "HH:mm")}.`,
    };
  }
  const ip = await clientIp();
  // The space is looked up and its mail written once the answer has left: the answer takes the same time
  // whether a space matches or not.
  after(async () => {
    await demanderReinitialisation(data.identifiantOuCourriel, { ip });
    kickOutbox();
  });
  return {
    values,
    message:
      "Si un espace activé correspond, un courriel vient de vous être envoyé avec un lien valable 1 heure pour choisir un nouveau mot de passe.",
  };
});

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
