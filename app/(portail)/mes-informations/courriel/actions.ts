"use server";

import { actionUsager } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { appErrorState } from "@/lib/forms";
import { demanderChangementCourriel } from "@/lib/domain/usager/courriel";
import { changementCourrielSchema } from "@/lib/domain/usager/schemas";

/** Changement de courriels: the password again, then a confirmation link to the new address. */
export const changerCourrielAction = actionUsager(
  "changerCourriel",
  changementCourrielSchema,
  async ({ usager, data, values }) => {
    // the password is never sent back to the browser
    const saisie = { ...values };
    delete saisie.motDePasseActuel;
    try {
      await demanderChangementCourriel({
        usager,
        motDePasse: data.motDePasseActuel,
        nouveauCourriel: data.courriel,
        ip: await clientIp(),
      });
    } catch (error) {
      return { ok: false, ...appErrorState(error, saisie) };
    }
    // The same answer when another space holds the address (its holder is told by mail instead).
    return {
      message: `Un lien de confirmation a été envoyé à ${data.courriel}. Il est valable 24 heures : votre adresse actuelle reste celle de votre espace tant qu'il n'est pas suivi.`,
    };
  },
  { suite: "/mes-informations/courriel" },
);
