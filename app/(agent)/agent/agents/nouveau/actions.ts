"use server";

import { redirect } from "next/navigation";
import { actionAgent } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { creerAgent } from "@/lib/domain/agent/creer";
import { nouvelAgentSchema } from "@/lib/domain/agent/schemas";

export const creerAgentAction = actionAgent(
  "creerAgent",
  nouvelAgentSchema,
  async ({ agent: admin, data }) => {
    const id = await creerAgent(data, { par: admin.identifiant, admin, ip: await clientIp() });
    redirect(`/agent/agents/${id}?cree=1`);
  },
  { role: "ADMIN" },
);
