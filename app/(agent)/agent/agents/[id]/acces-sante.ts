"use server";

import { revalidatePath } from "next/cache";
import { actionAgent } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { agentIdSchema } from "@/lib/domain/agent/schemas";
import { changerAccesSante } from "@/lib/domain/sante/acces-agent";
import { z } from "zod";

/** Données de santé: an administrator gives or withdraws an agent's access to dossiers santé and P.A.I. */
export const changerAccesSanteAction = actionAgent(
  "changerAccesSante",
  agentIdSchema.extend({ sante: z.enum(["oui", "non"]) }),
  async ({ agent: admin, data }) => {
    const accorde = data.sante === "oui";
    await changerAccesSante({ admin, agentId: data.agentId, accorde, ip: await clientIp() });
    revalidatePath(`/agent/agents/${data.agentId}`);
    return {
      message: accorde
        ? "L'agent a désormais accès aux données de santé."
        : "L'accès aux données de santé a été retiré.",
    };
  },
  { role: "ADMIN" },
);
