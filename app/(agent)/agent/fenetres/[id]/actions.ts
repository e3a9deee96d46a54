"use server";

import { revalidatePath } from "next/cache";
import { actionAgent } from "@/lib/action";
import { maintenant } from "@/lib/web/horloge";
import { annulerFenetre } from "@/lib/domain/fenetre/annuler";
import { annulerFenetreSchema } from "@/lib/domain/fenetre/schemas";

export const annulerFenetreAction = actionAgent("fenetre.annuler", annulerFenetreSchema, async ({ agent, data }) => {
  const { demandesRetirees, familles } = await annulerFenetre({
    fenetreId: data.fenetreId,
    agentId: agent.id,
    motif: data.motif,
    now: await maintenant(),
  });
  revalidatePath(`/agent/fenetres/${data.fenetreId}`);
  const s = (n: number) => (n > 1 ? "s" : "");
  return {
    message: `Période annulée : ${demandesRetirees} demande${s(demandesRetirees)} retirée${s(demandesRetirees)}, ${familles} famille${s(familles)} prévenue${s(familles)} par courriel.`,
  };
});
