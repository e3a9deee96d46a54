"use server";
// An agent's decision on parents' requests of an activity validated by an agent.

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { deciderReservations } from "@/lib/domain/reservation/validation";
import { maintenant } from "@/lib/web/horloge";

const schema = z.object({
  ids: z
    .string()
    .transform((texte) => texte.split(",").filter(Boolean))
    .pipe(z.array(z.string().uuid()).min(1, "Aucune demande choisie.").max(500)),
  decision: z.enum(["valider", "refuser"], { message: "Choisissez de valider ou de refuser." }),
});

export const deciderReservationsAction = actionAgent("deciderReservations", schema, async ({ agent, data }) => {
  const { reservees, enAttente, refusees } = await deciderReservations({
    agentId: agent.id,
    ...data,
    now: await maintenant(),
  });
  revalidatePath("/agent/reservations/a-valider");
  const n = (k: number, texte: string) => (k > 0 ? [`${k} ${texte}`] : []);
  return {
    message: `Demandes traitées : ${[...n(reservees, "réservée(s)"), ...n(enAttente, "en liste d'attente (jour complet)"), ...n(refusees, "refusée(s)")].join(", ")}. La famille est prévenue par courriel.`,
  };
});
