"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionPublique } from "@/lib/action";
import { formatParis } from "@/lib/temps/dates";
import { clientIp, setSessionCookie } from "@/lib/auth/current";
import { associerFranceConnect, DEJA_ASSOCIE } from "@/lib/domain/usager/franceconnect";
import { brouillonCourant, clearDraftCookie } from "@/app/(auth)/creer-mon-espace/brouillon-cookie";

const associationSchema = z.object({
  identifiant: z.string().trim().min(1, { error: "Indiquez votre identifiant." }),
  motDePasse: z.string().min(1, { error: "Indiquez votre mot de passe." }),
});

/** « J'ai déjà un espace »: the space's identifiant and password, once, link it to the FranceConnect identity. */
export const associerAction = actionPublique("associerFranceConnect", associationSchema, async ({ data }) => {
  const brouillon = await brouillonCourant();
  if (!brouillon?.data.franceconnect) redirect("/connexion");
  const resultat = await associerFranceConnect({ brouillon, ...data, ip: await clientIp() });
  if (!resultat.ok) {
    const message =
      resultat.reason === "bloque"
        ? `Trop de tentatives de connexion. Par sécurité, réessayez à partir de ${formatParis(resultat.until, "HH:mm")}.`
        : resultat.reason === "non_active"
          ? "non_active"
          : resultat.reason === "deja_associe"
            ? DEJA_ASSOCIE
            : resultat.reason === "altcha"
              ? "Beaucoup d'essais viennent de votre adresse : connectez-vous d'abord par la page de connexion, avec la vérification anti-robot, puis revenez par FranceConnect."
              : "Identifiant ou mot de passe incorrect.";
    return { ok: false, message, values: { identifiant: data.identifiant } };
  }
  await setSessionCookie(resultat.token, "USAGER");
  await clearDraftCookie();
  redirect("/mon-espace");
});
