// Recovery codes of the second factor: ten new ones replace every earlier one (used or not). They are shown
// once; only their SHA-256 is kept.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { empreinteCodeSecours, nouveauxCodesSecours } from "@/lib/auth/totp";

/** Inside a command's transaction (the enrolment's, or regenererCodesSecours's). */
export async function remplacerCodesSecours(tx: Tx, agentId: string): Promise<string[]> {
  const codes = nouveauxCodesSecours();
  await tx.codeSecours.deleteMany({ where: { agentId } });
  await tx.codeSecours.createMany({ data: codes.map((code) => ({ agentId, codeHash: empreinteCodeSecours(code) })) });
  return codes;
}

export async function regenererCodesSecours({ agentId, ip }: { agentId: string; ip?: string }): Promise<string[]> {
  return db().$transaction(async (tx) => {
    const agent = await tx.agent.findUniqueOrThrow({ where: { id: agentId }, select: { totpActiveAt: true } });
    if (!agent.totpActiveAt) throw new AppError("totp_inactif", "Activez d'abord la double authentification.");
    const codes = await remplacerCodesSecours(tx, agentId);
    await journal(tx, { event: "agent.codes_secours_regeneres", actorKind: "AGENT", actorId: agentId, ip });
    return codes;
  });
}
