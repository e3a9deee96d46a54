"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { reserverPourLaFamille } from "@/lib/domain/reservation/enregistrer";
import { maintenant } from "@/lib/web/horloge";
import { changementsSchema, resumeBilan } from "@/lib/domain/reservation/schemas";

const schema = z.object({ inscriptionId: z.string().min(1), changements: changementsSchema });

export const reserverPourLaFamilleAction = actionAgent("reserverPourLaFamille", schema, async ({ agent, data }) => {
  const bilan = await reserverPourLaFamille({
    agent: { id: agent.id, nom: `${agent.prenom} ${agent.nom}` },
    inscriptionId: data.inscriptionId,
    changements: data.changements,
    now: await maintenant(),
  });
  revalidatePath("/agent/reservations/[famille]/[enfant]", "page");
  return resumeBilan(bilan, { parLeService: true });
});
