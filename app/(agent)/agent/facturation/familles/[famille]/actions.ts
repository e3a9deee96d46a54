"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { euros } from "@/lib/argent/argent";
import { emettreAvoirDeRegularisation } from "@/lib/domain/facturation/avoir-regularisation";
import { maintenant } from "@/lib/web/horloge";

/** The family's pending credits on an avoir de régularisation now, bound to the family by the page. */
export async function emettreAvoirRegularisationAction(familleId: string, previous: FormState, formData: FormData) {
  return actionAgent("emettreAvoirRegularisation", z.object({}), async ({ agent }) => {
    if (!/^[0-9a-f-]{36}$/.test(familleId)) return { ok: false, message: "Cette famille est introuvable." };
    const avoir = await emettreAvoirDeRegularisation({ familleId, agentId: agent.id, now: await maintenant() });
    revalidatePath(`/agent/facturation/familles/${familleId}`);
    return { message: `Avoir N° ${avoir.numero} émis : ${euros(avoir.montantCentimes)} au crédit de la famille.` };
  })(previous, formData);
}
