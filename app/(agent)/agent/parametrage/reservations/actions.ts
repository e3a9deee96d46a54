"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { estJour } from "@/lib/domain/reservation/jours";
import { enregistrerJours, fermer } from "@/lib/domain/reservation/parametrage";

const generationSchema = z.object({ activiteId: z.coerce.number().int(), anneeId: z.coerce.number().int() });

export const enregistrerJoursAction = actionAgent(
  "enregistrerJours",
  generationSchema,
  async ({ agent, data }) => {
    const { ajoutes, retires } = await enregistrerJours({ ...data, agentId: agent.id });
    revalidatePath("/agent/parametrage/reservations");
    return { message: `Jours d'ouverture enregistrés : ${ajoutes} ajoutés, ${retires} retirés.` };
  },
  { role: "ADMIN" },
);

const fermetureSchema = z.object({
  date: z.string().refine(estJour, "Indiquez une date valide."),
  type: z.enum(["PONT", "GREVE", "EXCEPTIONNEL"], { message: "Choisissez le motif." }),
  libelle: z.string().trim().min(1, "Indiquez le libellé affiché aux familles.").max(100),
});

export const fermerAction = actionAgent(
  "fermer",
  fermetureSchema,
  async ({ agent, data }) => {
    await fermer({ ...data, agentId: agent.id });
    revalidatePath("/agent/parametrage/reservations");
    return { message: "La fermeture est enregistrée : ce jour n'est plus réservable." };
  },
  { role: "ADMIN" },
);
