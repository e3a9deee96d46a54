"use server";

import { z } from "zod";
import { formValues, parseForm, type FormState } from "@/lib/forms";
import { kickOutbox } from "@/lib/mail/outbox";
import { renvoyerActivation } from "@/lib/domain/usager/activer";

const LIEN_RENVOYE =
  "Si un espace en attente d'activation correspond, un nouveau lien d'activation vient d'être envoyé par courriel. Il est valable 24 heures.";

/** "Renvoyer le lien d'activation" from an expired or used link: the old link proves who asks. */
export async function renvoyerDepuisLien(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = formValues(formData).token ?? "";
  if (token) await renvoyerActivation({ token });
  kickOutbox();
  return { values: {}, errors: {}, ok: true, message: LIEN_RENVOYE };
}

const courrielSchema = z.object({
  courriel: z
    .string()
    .trim()
    .min(1, { error: "Indiquez votre adresse de courriel." })
    .pipe(z.email({ error: "Indiquez une adresse de courriel valide." })),
});

/** "Renvoyer le lien d'activation" by courriel; the answer never tells whether a space exists. */
export async function renvoyerParCourriel(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = parseForm(courrielSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  await renvoyerActivation({ courriel: parsed.data.courriel });
  kickOutbox();
  return { values, errors: {}, ok: true, message: LIEN_RENVOYE };
}
