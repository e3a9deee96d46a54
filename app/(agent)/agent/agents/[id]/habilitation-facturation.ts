"use server";

import { revalidatePath } from "next/cache";
import { actionAgent } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { agentIdSchema } from "@/lib/domain/agent/schemas";
import { changerHabilitationFacturation } from "@/lib/domain/facturation/habilitation";
import { z } from "zod";

/** Facturation: an administrator gives or withdraws an agent's permission to emit invoices and avoirs. */
export const changerHabilitationFacturationAction = actionAgent(
  "changerHabilitationFacturation",
  agentIdSchema.extend({ facturation: z.enum(["oui", "non"]) }),
  async ({ agent: admin, data }) => {
    const accorde = data.facturation === "oui";
    await changerHabilitationFacturation({ admin, agentId: data.agentId, accorde, ip: await clientIp() });
    revalidatePath(`/agent/agents/${data.agentId}`);
    return {
      message: accorde
        ? "L'agent peut désormais émettre les factures et les avoirs."
        : "L'habilitation Facturation a été retirée.",
    };
  },
  { role: "ADMIN" },
);
