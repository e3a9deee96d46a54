"use server";

import { revalidatePath } from "next/cache";
import { actionUsager } from "@/lib/action";
import { modifierTelephones } from "@/lib/domain/usager/modifier";
import { telephonesSchema } from "@/lib/domain/usager/schemas";

export const changerTelephonesAction = actionUsager(
  "changerTelephones",
  telephonesSchema,
  async ({ usager, data }) => {
    await modifierTelephones({ usagerId: usager.id, telephones: data });
    revalidatePath("/mes-informations/telephones");
    revalidatePath("/mon-profil");
    return { message: "Vos numéros de téléphone sont enregistrés." };
  },
  { suite: "/mes-informations/telephones" },
);
