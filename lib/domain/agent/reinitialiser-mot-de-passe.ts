// The admin types the new password (and gives it to the agent by a channel of their choice); every session
// of the agent ends, as when a usager changes theirs.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { hashPassword, newPasswordError } from "@/lib/auth/password";
import { revokeAgentSessions } from "@/lib/auth/sessions";
import { agentCible, type ParAdmin } from "@/lib/domain/agent/administrer";

export async function reinitialiserMotDePasseAgent(input: ParAdmin & { motDePasse: string }): Promise<void> {
  const agent = await db().agent.findUnique({ where: { id: input.agentId }, select: { identifiant: true } });
  const refus = newPasswordError(input.motDePasse, agent?.identifiant);
  if (refus) throw new AppError("mot_de_passe", refus, "motDePasse");
  const passwordHash = await hashPassword(input.motDePasse);
  await db().$transaction(async (tx) => {
    await agentCible(tx, input, { refuserSoiMeme: null });
    await tx.agent.update({ where: { id: input.agentId }, data: { passwordHash } });
    const sessions = await revokeAgentSessions(tx, input.agentId);
    await journal(tx, {
      event: "agent.mot_de_passe_reinitialise",
      actorKind: "AGENT",
      actorId: input.admin.id,
      ip: input.ip,
      details: { agentId: input.agentId, sessionsFermees: sessions },
    });
  });
}
