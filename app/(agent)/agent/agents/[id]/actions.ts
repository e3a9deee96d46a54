"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { actionAgent } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { changerEtatAgent } from "@/lib/domain/agent/changer-etat";
import { changerRoleAgent } from "@/lib/domain/agent/changer-role";
import { reinitialiserMotDePasseAgent } from "@/lib/domain/agent/reinitialiser-mot-de-passe";
import { reinitialiserTotpAgent } from "@/lib/domain/agent/reinitialiser-totp";
import { agentIdSchema, etatSchema, motDePasseSchema, roleSchema } from "@/lib/domain/agent/schemas";
import type { ParAdmin } from "@/lib/domain/agent/administrer";

/**
 * Every administration action: ADMIN only (403 otherwise), the form parsed, one command, the fiche refreshed.
 * The agentId comes from the form: any agent of the commune is the admin's to manage.
 */
function administrer<S extends z.ZodType<{ agentId: string }>>(
  nom: string,
  schema: S,
  commande: (input: ParAdmin & z.infer<S>) => Promise<string>,
) {
  return actionAgent(
    nom,
    schema,
    async ({ agent: admin, data }) => {
      const message = await commande({ ...data, admin, ip: await clientIp() });
      revalidatePath(`/agent/agents/${data.agentId}`);
      return { message };
    },
    { role: "ADMIN" },
  );
}

export const changerRole = administrer("changerRole", roleSchema, async (input) => {
  await changerRoleAgent(input);
  return "Le rôle a été modifié.";
});

export const changerEtat = administrer("changerEtat", etatSchema, async (input) => {
  const actif = input.actif === "oui";
  await changerEtatAgent({ ...input, actif });
  return actif ? "Le compte a été réactivé." : "Le compte a été désactivé et ses sessions fermées.";
});

export const reinitialiserMotDePasse = administrer("reinitialiserMotDePasse", motDePasseSchema, async (input) => {
  await reinitialiserMotDePasseAgent(input);
  return "Le mot de passe a été remplacé et les sessions de l'agent fermées.";
});

export const reinitialiserTotp = administrer("reinitialiserTotp", agentIdSchema, async (input) => {
  await reinitialiserTotpAgent(input);
  return "La double authentification a été réinitialisée : l'agent la configurera à sa prochaine connexion.";
});
