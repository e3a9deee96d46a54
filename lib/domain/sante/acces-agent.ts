// Who in the console may open health data (dossiers santé, P.A.I.): the agents an administrator gave the
// permission SANTE, read from the database at each opening, so a withdrawal takes effect at once. The queries
// that decrypt health data for an agent (queries-agent.ts) call exigerAccesSante first; pages turn its
// refusal into a 403.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { agentCible, type ParAdmin } from "@/lib/domain/agent/administrer";

export class AccesSanteRefuse extends AppError {
  constructor() {
    super("acces_sante", "Les données de santé sont réservées aux agents qui en ont reçu l'accès d'un administrateur.");
  }
}

export async function aAccesSante(agentId: string): Promise<boolean> {
  const agent = await db().agent.findUnique({ where: { id: agentId }, select: { active: true, permissions: true } });
  return Boolean(agent?.active && agent.permissions.includes("SANTE"));
}

export async function exigerAccesSante(agentId: string): Promise<void> {
  if (!(await aAccesSante(agentId))) throw new AccesSanteRefuse();
}

/**
 * An administrator gives or withdraws the access (themself included: it opens data, not the console). A holder
 * of the access always owes the second factor (lib/auth/second-facteur.ts): given it, an agent's sessions opened
 * with a password alone end, and the next login asks for the TOTP code (or its enrolment).
 */
export async function changerAccesSante(input: ParAdmin & { accorde: boolean; now?: Date }): Promise<void> {
  await db().$transaction(async (tx) => {
    const agent = await agentCible(tx, input, { refuserSoiMeme: null });
    if (agent.permissions.includes("SANTE") === input.accorde) return;
    const permissions = input.accorde
      ? [...agent.permissions, "SANTE" as const]
      : agent.permissions.filter((permission) => permission !== "SANTE");
    await tx.agent.update({ where: { id: agent.id }, data: { permissions } });
    // an ADMIN's sessions already went through the second factor
    if (input.accorde && agent.role !== "ADMIN") {
      await tx.session.updateMany({
        where: { agentId: agent.id, revokedAt: null },
        data: { revokedAt: input.now ?? new Date() },
      });
    }
    await journal(tx, {
      event: input.accorde ? "agent.acces_sante_accorde" : "agent.acces_sante_retire",
      actorKind: "AGENT",
      actorId: input.admin.id,
      ip: input.ip,
      details: { agentId: agent.id },
    });
  });
}
