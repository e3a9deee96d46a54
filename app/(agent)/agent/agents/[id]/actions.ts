"use server";

import { revalidatePath } from "next/cache";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { clientIp, requireAgent } from "@/lib/auth/current";
import { changerEtatAgent } from "@/lib/domain/agent/changer-etat";
import { changerRoleAgent } from "@/lib/domain/agent/changer-role";
import { reinitialiserMotDePasseAgent } from "@/lib/domain/agent/reinitialiser-mot-de-passe";
import { reinitialiserTotpAgent } from "@/lib/domain/agent/reinitialiser-totp";
import { agentIdSchema, etatSchema, motDePasseSchema, roleSchema } from "@/lib/domain/agent/schemas";
import type { ParAdmin } from "@/lib/domain/agent/administrer";
import type { z } from "zod";

/**
 * Every administration action: ADMIN only (403 otherwise), the form parsed, one command, the fiche
 * refreshed. The agentId comes from the form: any agent of the commune is the admin's to manage.
 */
async function administrer<S extends z.ZodType<{ agentId: string }>>(
  formData: FormData,
  schema: S,
  commande: (input: ParAdmin & z.infer<S>) => Promise<void>,
  succes: string,
): Promise<FormState> {
  const { agent: admin } = await requireAgent("ADMIN");
  const values = formValues(formData);
  const parsed = parseForm(schema, values);
  if (!parsed.success) return { values, errors: parsed.errors, message: parsed.errors.agentId };
  try {
    await commande({ ...parsed.data, admin, ip: await clientIp() });
  } catch (error) {
    return appErrorState(error, values);
  }
  revalidatePath(`/agent/agents/${parsed.data.agentId}`);
  return { values: {}, errors: {}, ok: true, message: succes };
}

export async function changerRole(_previous: FormState, formData: FormData): Promise<FormState> {
  return administrer(formData, roleSchema, changerRoleAgent, "Le rôle a été modifié.");
}

export async function changerEtat(_previous: FormState, formData: FormData): Promise<FormState> {
  const actif = formData.get("actif") === "oui";
  return administrer(
    formData,
    etatSchema,
    (input) => changerEtatAgent({ ...input, actif }),
    actif ? "Le compte a été réactivé." : "Le compte a été désactivé et ses sessions fermées.",
  );
}

export async function reinitialiserMotDePasse(_previous: FormState, formData: FormData): Promise<FormState> {
  return administrer(
    formData,
    motDePasseSchema,
    reinitialiserMotDePasseAgent,
    "Le mot de passe a été remplacé et les sessions de l'agent fermées.",
  );
}

export async function reinitialiserTotp(_previous: FormState, formData: FormData): Promise<FormState> {
  return administrer(
    formData,
    agentIdSchema,
    reinitialiserTotpAgent,
    "La double authentification a été réinitialisée : l'agent la configurera à sa prochaine connexion.",
  );
}
