"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { saisirCleEnfance } from "@/lib/domain/famille/rattacher";

const cleEnfanceSchema = z.object({
  cleEnfance: z.string().trim().min(1, "Indiquez la clé enfance, par exemple K7M4-QX9P.").max(40),
});

/** "Clé enfance" in Modifier mon espace: links the space to its family at once, or asks the agents. */
export const saisirCleEnfanceAction = actionUsager(
  "saisirCleEnfance",
  cleEnfanceSchema,
  async ({ usager, data }) => {
    const resultat = await saisirCleEnfance({ usager, saisie: data.cleEnfance, ip: await clientIp() });
    revalidatePath("/mon-espace");
    revalidatePath("/mon-profil");
    return {
      message:
        resultat.kind === "rattache"
          ? "Votre espace est rattaché à votre famille : retrouvez-la sur Mon accueil."
          : `Votre demande de rattachement N° ${resultat.numero} a été transmise aux agents de la mairie : vous serez informé par courriel.`,
    };
  },
  { suite: "/mon-profil" },
);
