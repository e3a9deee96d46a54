"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { changerEtatMandatParAdmin } from "@/lib/domain/prelevement/mandat-admin";
import { maintenant } from "@/lib/web/horloge";

/** An ADMIN revokes a mandate or reactivates a suspended one, with the motif kept in its history. */
export const changerEtatMandatAction = actionAgent(
  "prelevement.mandat-etat",
  z.object({
    rum: z.string().trim().min(1).max(35),
    vers: z.enum(["REVOQUE", "ACTIF"], { message: "Choisissez l'action." }),
    motif: z
      .string()
      .trim()
      .min(1, { message: "Indiquez le motif." })
      .max(200, { message: "Le motif tient en 200 caractères." }),
  }),
  async ({ agent, data }) => {
    const { annules } = await changerEtatMandatParAdmin({ ...data, agentId: agent.id, now: await maintenant() });
    revalidatePath("/agent/prelevements/mandats");
    return {
      message:
        data.vers === "REVOQUE"
          ? `Mandat ${data.rum} révoqué${annules > 0 ? ` : ${annules} prélèvement(s) prévu(s) annulé(s)` : ""}.`
          : `Mandat ${data.rum} réactivé.`,
    };
  },
  { role: "ADMIN" },
);
