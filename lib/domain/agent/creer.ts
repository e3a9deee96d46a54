// Creating an agent account (npm run agent:create, the demo seed, and later the ADMIN console).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { hashPassword, newPasswordError } from "@/lib/auth/password";
import type { RoleAgent } from "@/lib/generated/prisma/client";

export type NouvelAgent = {
  identifiant: string;
  courriel: string;
  nom: string;
  prenom: string;
  role: RoleAgent;
  motDePasse: string;
};

/**
 * `par` says who asked (journal). From the terminal an existing identifiant is reset (the way back in for a
 * locked-out admin); from the console (`admin`), it is refused.
 */
export async function creerAgent(
  agent: NouvelAgent,
  ctx: { par: string; admin?: { id: string }; ip?: string },
): Promise<string> {
  const refus = newPasswordError(agent.motDePasse, agent.identifiant);
  if (refus) throw new AppError("mot_de_passe", refus, "motDePasse");
  const { motDePasse, ...fiche } = agent;
  const passwordHash = await hashPassword(motDePasse);
  return db().$transaction(async (tx) => {
    if (
      ctx.admin &&
      (await tx.agent.findUnique({
        where: { identifiantNormalise: agent.identifiant.toLowerCase() },
        select: { id: true },
      }))
    ) {
      throw new AppError("identifiant_pris", "Cet identifiant est déjà utilisé par un autre agent.", "identifiant");
    }
    const created = await tx.agent.upsert({
      where: { identifiantNormalise: agent.identifiant.toLowerCase() },
      create: { ...fiche, identifiantNormalise: agent.identifiant.toLowerCase(), passwordHash },
      update: { ...fiche, passwordHash, active: true },
    });
    await journal(tx, {
      event: "agent.cree",
      ...(ctx.admin ? { actorKind: "AGENT", actorId: ctx.admin.id } : { actorKind: "SYSTEME" }),
      ip: ctx.ip,
      details: { agentId: created.id, role: agent.role, par: ctx.par },
    });
    return created.id;
  });
}
