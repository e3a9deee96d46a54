"use server";

import { redirect } from "next/navigation";
import { actionUsager } from "@/lib/action";
import { clearSessionCookie, clientIp } from "@/lib/auth/current";
import { optionnel } from "@/lib/champs";
import { confirmationMotDePasseSchema } from "@/lib/domain/usager/schemas";
import { demanderSuppressionEspace, supprimerEspace } from "@/lib/domain/usager/supprimer";

const SUITE = { suite: "/mon-profil/supprimer" };

/** Without a family: the space is deleted at once and the browser logged out. */
export const supprimerEspaceAction = actionUsager(
  "supprimerEspace",
  confirmationMotDePasseSchema,
  async ({ usager, data }) => {
    await supprimerEspace({ usager, motDePasse: data.motDePasseActuel, ip: await clientIp() });
    await clearSessionCookie();
    redirect("/espace-supprime");
  },
  SUITE,
);

const demandeSchema = confirmationMotDePasseSchema.extend({ motif: optionnel(1000, "Motif") });

/** With a family: the request to the commune. */
export const demanderSuppressionAction = actionUsager(
  "demanderSuppression",
  demandeSchema,
  async ({ usager, data }) => {
    const { numero } = await demanderSuppressionEspace({
      usager,
      motDePasse: data.motDePasseActuel,
      motif: data.motif,
      ip: await clientIp(),
    });
    redirect(`/demandes/${numero}/enregistree`);
  },
  SUITE,
);
