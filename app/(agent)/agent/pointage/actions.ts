"use server";

import { revalidatePath } from "next/cache";
import { actionAgent } from "@/lib/action";
import { marquerImpression } from "@/lib/domain/pointage/imprimer";
import { pointer } from "@/lib/domain/pointage/pointer";
import { ETATS_POINTAGE, impressionSchema, pointageSchema, tousPresentsSchema } from "@/lib/domain/pointage/schemas";
import { marquerTousPresents } from "@/lib/domain/pointage/tous-presents";
import { maintenant } from "@/lib/web/horloge";

export const pointerAction = actionAgent("pointer", pointageSchema, async ({ agent, data }) => {
  await pointer({ agentId: agent.id, ...data, now: await maintenant() });
  revalidatePath("/agent/pointage");
  return { message: `${ETATS_POINTAGE[data.etat]} : enregistré.` };
});

export const tousPresentsAction = actionAgent("tousPresents", tousPresentsSchema, async ({ agent, data }) => {
  const { nombre } = await marquerTousPresents({ agentId: agent.id, ...data, now: await maintenant() });
  revalidatePath("/agent/pointage");
  return {
    message:
      nombre === 0
        ? "Tous les enfants attendus sont déjà pointés."
        : `${nombre} ${nombre > 1 ? "enfants marqués présents" : "enfant marqué présent"} : pointez maintenant les absents un par un.`,
  };
});

export const imprimerListeAction = actionAgent("imprimerListe", impressionSchema, async ({ agent, data }) => {
  await marquerImpression({ agentId: agent.id, date: data.date, lieuIds: data.lieux, now: await maintenant() });
  revalidatePath("/agent/pointage");
  return { message: "Liste marquée comme imprimée : les changements à venir y seront signalés." };
});
