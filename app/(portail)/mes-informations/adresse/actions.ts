"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionUsager } from "@/lib/action";
import { demanderChangementAdresse } from "@/lib/domain/famille/changement-adresse";
import { adresseSchema } from "@/lib/domain/famille/schemas";
import { modifierAdresseEspace } from "@/lib/domain/usager/modifier";

const PAGE = "/mes-informations/adresse";

/** With a family: a demande for the agents, deposited at once. */
export const demanderChangementAdresseAction = actionUsager(
  "demanderChangementAdresse",
  adresseSchema,
  async ({ usager, data }) => {
    const { numero } = await demanderChangementAdresse({ usagerId: usager.id, adresse: data });
    revalidatePath("/mon-espace");
    redirect(`/demandes/${numero}/enregistree`);
  },
  { suite: PAGE },
);

/** Without a family: the space's own address, changed at once. */
export const modifierAdresseAction = actionUsager(
  "modifierAdresse",
  adresseSchema,
  async ({ usager, data }) => {
    await modifierAdresseEspace({ usagerId: usager.id, adresse: data });
    revalidatePath(PAGE);
    revalidatePath("/mon-profil");
    return { message: "Votre adresse est enregistrée." };
  },
  { suite: PAGE },
);
