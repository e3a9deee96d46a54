"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionPublique } from "@/lib/action";
import { formatParis } from "@/lib/temps/dates";
import { clientIp } from "@/lib/auth/current";
import { ALTCHA_MESSAGE, verifyAltcha } from "@/lib/auth/altcha";
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
  });
  return {
    values,
    message:
      "Si un espace activé correspond, un courriel vient de vous être envoyé avec un lien valable 1 heure pour choisir un nouveau mot de passe.",
  };
});

/** The new password, from the mail's link (its token in a hidden field): every other session of the space ends. */
export const choisirMotDePasse = actionPublique(
  "choisirMotDePasse",
  motDePasseSchema.and(z.object({ token: z.string().max(200) })),
  async ({ data }) => {
    await reinitialiserMotDePasse(data.token, data.motDePasse, { ip: await clientIp() });
    redirect("/connexion?reinitialise=1");
  },
);
