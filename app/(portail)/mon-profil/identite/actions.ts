"use server";

import { revalidatePath } from "next/cache";
import { actionUsager } from "@/lib/action";
import { modifierIdentite } from "@/lib/domain/usager/modifier";
import { identiteSchema } from "@/lib/domain/usager/schemas";

export const modifierIdentiteAction = actionUsager(
  "modifierIdentite",
  identiteSchema,
  async ({ usager, data }) => {
    await modifierIdentite({ usagerId: usager.id, identite: data });
    revalidatePath("/mon-profil", "layout");
    revalidatePath("/mon-espace");
    return { message: "Votre identité est enregistrée." };
  },
  { suite: "/mon-profil/identite" },
);
