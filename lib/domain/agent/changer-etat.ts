// Disabling an agent ends every session at once (findLiveSession also refuses an inactive agent's, so even
// a session opened a moment before is refused); enabling only allows logging in again.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { revokeAgentSessions } from "@/lib/auth/sessions";
import { agentCible, type ParAdmin } from "@/lib/domain/agent/administrer";

export async function changerEtatAgent(input: ParAdmin & { actif: boolean }): Promise<void> {
  await db().$transaction(async (tx) => {
    await agentCible(tx, input, {
      refuserSoiMeme: input.actif ? null : "Vous ne pouvez pas désactiver votre propre compte.",
    });
    await tx.agent.update({ where: { id: input.agentId }, data: { active: input.actif } });
    const sessions = input.actif ? 0 : await revokeAgentSessions(tx, input.agentId);
    await journal(tx, {
      event: input.actif ? "agent.reactive" : "agent.desactive",
      actorKind: "AGENT",
      actorId: input.admin.id,
      ip: input.ip,
      details: { agentId: input.agentId, sessionsFermees: sessions },
    });
  });
}
