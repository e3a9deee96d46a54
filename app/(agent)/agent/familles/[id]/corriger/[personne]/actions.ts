"use server";

import { redirect } from "next/navigation";
import { requireAgent } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { formValues, type FormState } from "@/lib/forms";
import { corrigerPersonne } from "@/lib/domain/famille/corriger";
import { lireCible } from "@/lib/domain/famille/queries-agent";

/**
 * Corrects one person of a family. The family and person ids come from the page's bound arguments, which a
 * client can forge: the command only finds the person inside that family, and any agent may correct any family.
 */
export async function corrigerPersonneAction(
  familleId: string,
  personne: string,
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const cible = lireCible(String(personne));
  if (!cible) return { values, errors: {}, message: "Cette personne ne fait pas partie de cette famille." };
  let nombre: number;
  try {
    const resultat = await corrigerPersonne({ agentId: agent.id, familleId: String(familleId), cible, saisie: values });
    if (!resultat.ok) return { values, errors: resultat.erreurs };
    nombre = resultat.changements.length;
  } catch (error) {
    if (error instanceof AppError) return { values, errors: {}, message: error.message };
    throw error;
  }
  redirect(`/agent/familles/${familleId}?corrige=${nombre}#${personne}`);
}
