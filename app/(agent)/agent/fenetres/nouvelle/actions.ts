"use server";

import { redirect } from "next/navigation";
import { actionAgent } from "@/lib/action";
import { maintenant } from "@/lib/web/horloge";
import { creerFenetre } from "@/lib/domain/fenetre/creer";
import { fenetreSchema, unitesCochees } from "@/lib/domain/fenetre/schemas";

export const creerFenetreAction = actionAgent("fenetre.creer", fenetreSchema, async ({ agent, data, values }) => {
  const { id } = await creerFenetre({
    ...data,
    agentId: agent.id,
    uniteIds: unitesCochees(values),
    now: await maintenant(),
  });
  redirect(`/agent/fenetres/${id}?creee=1`);
});
