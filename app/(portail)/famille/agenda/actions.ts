"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { renouvelerLienAgenda } from "@/lib/domain/agenda/lien";

/** « Renouveler le lien »: the old link of the calendar feed stops working at once. */
export const renouvelerLienAgendaAction = actionUsager(
  "agenda.renouveler",
  z.object({}),
  async ({ usager }) => {
    await renouvelerLienAgenda(usager.id);
    revalidatePath("/famille/agenda");
    return {
      message:
        "Le lien est renouvelé : l'ancien ne fonctionne plus. Ajoutez le nouveau lien ci-dessous à votre agenda.",
    };
  },
  { suite: "/famille/agenda" },
);
