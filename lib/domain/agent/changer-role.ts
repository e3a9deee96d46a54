import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { agentCible, type ParAdmin } from "@/lib/domain/agent/administrer";
import type { RoleAgent } from "@/lib/generated/prisma/client";

// A new ADMIN must use TOTP: their next login asks for the enrolment (lib/auth/second-facteur.ts).
export async function changerRoleAgent(input: ParAdmin & { role: RoleAgent }): Promise<void> {
  await db().$transaction(async (tx) => {
    const agent = await agentCible(tx, input, { refuserSoiMeme: "Vous ne pouvez pas changer votre propre rôle." });
    if (agent.role === input.role) return;
    await tx.agent.update({ where: { id: input.agentId }, data: { role: input.role } });
    await journal(tx, {
      event: "agent.role_change",
      actorKind: "AGENT",
      actorId: input.admin.id,
      ip: input.ip,
      details: { agentId: input.agentId, de: agent.role, vers: input.role },
    });
  });
}
