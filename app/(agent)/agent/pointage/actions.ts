"use server";

import { revalidatePath } from "next/cache";
import { actionAgent } from "@/lib/action";
import { marquerImpression } from "@/lib/domain/pointage/imprimer";
import { pointer } from "@/lib/domain/pointage/pointer";
import { ETATS_POINTAGE, impressionSchema, pointageSchema } from "@/lib/domain/pointage/schemas";
import { maintenant } from "@/lib/web/horloge";

export const pointerAction = actionAgent("pointer", pointageSchema, async ({ agent, data }) => {
  await pointer({ agentId: agent.id, ...data, now: await maintenant() });
  revalidatePath("/agent/pointage");
  return { message: `${ETATS_POINTAGE[data.etat]} : enregistré.` };
});

export const imprimerListeAction = actionAgent("imprimerListe", impressionSchema, async ({ agent, data }) => {
  await marquerImpression({ agentId: agent.id, date: data.date, lieuIds: data.lieux, now: await maintenant() });
  revalidatePath("/agent/pointage");
  return { message: "Liste marquée comme imprimée : les changements à venir y seront signalés." };
});
