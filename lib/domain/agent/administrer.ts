// What the administration commands share: the target agent, and the rule that an admin never disables,
// demotes or resets themself (so the commune cannot lose its last administrator by a wrong click).
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Agent } from "@/lib/generated/prisma/client";

export type ParAdmin = { admin: Pick<Agent, "id">; agentId: string; ip?: string };

export async function agentCible(
  tx: Tx,
  { admin, agentId }: ParAdmin,
  { refuserSoiMeme }: { refuserSoiMeme: string | null },
): Promise<Agent> {
  if (refuserSoiMeme && admin.id === agentId) throw new AppError("soi_meme", refuserSoiMeme);
  const agent = await tx.agent.findUnique({ where: { id: agentId } });
  if (!agent) throw new AppError("introuvable", "Cet agent n'existe pas.");
  return agent;
}
