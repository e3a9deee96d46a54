// The commands only agents may run (the portal's pages, a service non assuré) check, in their transaction, that
// their caller is an active agent, so a usager's id (or a disabled agent's) never writes anything even if an
// action forgot.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function exigerAgentActif(tx: Tx, agentId: string): Promise<void> {
  const agent = await tx.agent.findUnique({ where: { id: agentId }, select: { active: true } });
  if (!agent?.active)
    throw new AppError("interdit", "Seuls les agents de la commune peuvent modifier les pages du portail.");
}
