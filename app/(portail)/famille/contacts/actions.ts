"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { contactsDuUsager } from "@/lib/domain/famille/contacts";
import { lireSaisieContacts } from "@/lib/domain/famille/contacts-saisie";
import { demanderContacts } from "@/lib/domain/famille/demander-contacts";

const PAGE = "/famille/contacts";

/** The whole list as typed, read person by person for the family's children; deposited for the agents. */
export const demanderContactsAction = actionUsager(
  "famille.contacts",
  z.looseObject({ contacts: z.string({ error: "Le formulaire est incomplet : rechargez la page." }).max(2000) }),
  async ({ usager, values }) => {
    const famille = await contactsDuUsager(usager.id);
    if (!famille)
      throw new AppError(
        "sans_famille",
        "Votre espace n'est rattaché à aucune famille : déclarez d'abord votre famille.",
      );
    const saisie = lireSaisieContacts(values, famille.enfants);
    if (!saisie.ok) return { ok: false, errors: saisie.errors };
    const { numero } = await demanderContacts({ usagerId: usager.id, contacts: saisie.contacts });
    revalidatePath("/famille");
    revalidatePath(PAGE);
    redirect(`/demandes/${numero}/enregistree`);
  },
  { suite: PAGE },
);
