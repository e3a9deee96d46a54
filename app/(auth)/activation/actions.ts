"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionPublique } from "@/lib/action";
import { activerEspace, renvoyerActivation } from "@/lib/domain/usager/activer";

/**
 * ACTIVER MON ESPACE, the button of the page the mail's link opens: the activation is this POST, never the
 * GET, so a mail scanner that follows links activates nothing. Back to the link's page, which then confirms.
 */
export const activerAction = actionPublique(
  "activerEspace",
  z.object({ token: z.string().max(200) }),
  async ({ data }) => {
    const activation = await activerEspace(data.token);
    redirect(`/activation/${encodeURIComponent(data.token)}${activation.status === "active" ? "?active=1" : ""}`);
  },
);

const LIEN_RENVOYE =
  "Si un espace en attente d'activation correspond, un nouveau lien d'activation vient d'être envoyé par courriel. Il est valable 24 heures.";

/** "Renvoyer le lien d'activation" from an expired or used link: the old link proves who asks. */
export const renvoyerDepuisLien = actionPublique(
  "renvoyerDepuisLien",
  z.object({ token: z.string().max(200).optional() }),
  async ({ data }) => {
    if (data.token) await renvoyerActivation({ token: data.token });
    return { message: LIEN_RENVOYE };
  },
);

const courrielSchema = z.object({
  courriel: z
    .string()
    .trim()
    .min(1, { error: "Indiquez votre adresse de courriel." })
    .pipe(z.email({ error: "Indiquez une adresse de courriel valide." })),
});

/** "Renvoyer le lien d'activation" by courriel; the answer never tells whether a space exists. */
export const renvoyerParCourriel = actionPublique("renvoyerParCourriel", courrielSchema, async ({ data, values }) => {
  await renvoyerActivation({ courriel: data.courriel });
  return { message: LIEN_RENVOYE, values };
});
