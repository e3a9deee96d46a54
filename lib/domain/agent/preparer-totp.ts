// First step of the enrolment (/agent/securite): the secret the QR code shows, kept encrypted on the agent
// until a first code confirms it (activer-totp.ts). Reloading the page shows the same secret, so a code from
// an app that already scanned it still works.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { chiffrerSecretTotp, dechiffrerSecretTotp, nouveauSecretTotp } from "@/lib/auth/totp";

export async function preparerTotp({ agentId }: { agentId: string }): Promise<string> {
  return db().$transaction(async (tx) => {
    const agent = await tx.agent.findUniqueOrThrow({
      where: { id: agentId },
      select: { totpActiveAt: true, totpSecretChiffre: true },
    });
    if (agent.totpActiveAt) throw new AppError("totp_deja_active", "La double authentification est déjà activée.");
    if (agent.totpSecretChiffre) return dechiffrerSecretTotp(agentId, agent.totpSecretChiffre);
    const secret = nouveauSecretTotp();
    // Conditional: two tabs opening the page at once end up with one secret, the first one written.
    const { count } = await tx.agent.updateMany({
      where: { id: agentId, totpSecretChiffre: null },
      data: { totpSecretChiffre: chiffrerSecretTotp(agentId, secret) },
    });
    if (count === 1) return secret;
    const ecrit = await tx.agent.findUniqueOrThrow({ where: { id: agentId }, select: { totpSecretChiffre: true } });
    return dechiffrerSecretTotp(agentId, ecrit.totpSecretChiffre!);
  });
}
