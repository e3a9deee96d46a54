"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { dissocierFranceConnect } from "@/lib/domain/usager/franceconnect";

/** "Dissocier FranceConnect" in Modifier mon espace. */
export const dissocierFranceConnectAction = actionUsager(
  "dissocierFranceConnect",
  z.object({}),
  async ({ usager }) => {
    await dissocierFranceConnect({ usagerId: usager.id, ip: await clientIp() });
    revalidatePath("/mon-profil");
    return { message: "Votre espace n'est plus associé à FranceConnect." };
  },
  { suite: "/mon-profil" },
);
