"use server";

import { redirect } from "next/navigation";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { clientIp, requireAgent } from "@/lib/auth/current";
import { creerAgent } from "@/lib/domain/agent/creer";
import { nouvelAgentSchema } from "@/lib/domain/agent/schemas";

export async function creerAgentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { agent: admin } = await requireAgent("ADMIN");
  const values = formValues(formData);
  const parsed = parseForm(nouvelAgentSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  let id: string;
  try {
    id = await creerAgent(parsed.data, { par: admin.identifiant, admin, ip: await clientIp() });
  } catch (error) {
    return appErrorState(error, values);
  }
  redirect(`/agent/agents/${id}?cree=1`);
}
