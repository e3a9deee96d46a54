"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { corrigerPersonne } from "@/lib/domain/famille/corriger";
import { lireCible } from "@/lib/domain/famille/queries-agent";

/**
 * Corrects one person of a family. The family and person ids come from the page's bound arguments, which a
 * client can forge: the command only finds the person inside that family, and any agent may correct any family.
 * The fields are checked by the command itself (they depend on who the person is).
 */
export async function corrigerPersonneAction(
  familleId: string,
  personne: string,
  previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const corriger = actionAgent("corrigerPersonne", z.object({}), async ({ agent, values }) => {
    const cible = lireCible(String(personne));
    if (!cible) return { ok: false, message: "Cette personne ne fait pas partie de cette famille." };
    const resultat = await corrigerPersonne({ agentId: agent.id, familleId: String(familleId), cible, saisie: values });
    if (!resultat.ok) return { ok: false, errors: resultat.erreurs };
    redirect(`/agent/familles/${familleId}?corrige=${resultat.changements.length}#${personne}`);
  });
  return corriger(previous, formData);
}
