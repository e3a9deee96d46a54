"use server";

import { actionUsager } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { changerMotDePasse } from "@/lib/domain/usager/modifier";
import { changementMotDePasseSchema } from "@/lib/domain/usager/schemas";

/** A new password; the other sessions of the space end, this one goes on. Passwords are never sent back. */
export const changerMotDePasseAction = actionUsager(
  "changerMotDePasse",
  changementMotDePasseSchema,
  async ({ usager, session, data }) => {
    const { sessionsFermees } = await changerMotDePasse({
      usager,
      sessionId: session.id,
      motDePasseActuel: data.motDePasseActuel,
      motDePasse: data.motDePasse,
      ip: await clientIp(),
    });
    const autres =
      sessionsFermees === 0
        ? ""
        : sessionsFermees === 1
          ? " Votre autre session ouverte a été fermée."
          : ` Vos ${sessionsFermees} autres sessions ouvertes ont été fermées.`;
    return { message: `Votre mot de passe est modifié.${autres}` };
  },
  { suite: "/mon-profil/mot-de-passe" },
);
