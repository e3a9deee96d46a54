// An agent who lost their phone and their recovery codes: the admin removes the TOTP and its codes and ends
// the agent's sessions; at the next login the agent enrols again (if TOTP is required of them).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { revokeAgentSessions } from "@/lib/auth/sessions";
import { agentCible, type ParAdmin } from "@/lib/domain/agent/administrer";

export async function reinitialiserTotpAgent(input: ParAdmin): Promise<void> {
  await db().$transaction(async (tx) => {
    await agentCible(tx, input, {
      refuserSoiMeme: "Vous ne pouvez pas réinitialiser votre propre double authentification.",
    });
    await tx.agent.update({
      where: { id: input.agentId },
      data: { totpSecretChiffre: null, totpActiveAt: null, totpDernierPas: null },
    });
    await tx.codeSecours.deleteMany({ where: { agentId: input.agentId } });
    const sessions = await revokeAgentSessions(tx, input.agentId);
    await journal(tx, {
      event: "agent.totp_reinitialise",
      actorKind: "AGENT",
      actorId: input.admin.id,
      ip: input.ip,
      details: { agentId: input.agentId, sessionsFermees: sessions },
    });
  });
}
