// Second step of the enrolment: a first code from the app proves it holds the secret; the TOTP is then on,
// ten recovery codes are made, and a session that was waiting for its second factor becomes a full one
// (a new token: the password-only one is revoked).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { openSession } from "@/lib/auth/sessions";
import { dechiffrerSecretTotp, verifierCodeTotp } from "@/lib/auth/totp";
import { remplacerCodesSecours } from "@/lib/domain/agent/regenerer-codes-secours";

export const CODE_INCORRECT =
  "Ce code n'est pas valide : saisissez les 6 chiffres affichés en ce moment par votre application.";

export async function activerTotp(input: {
  agentId: string;
  sessionId: string;
  code: string;
  ip: string;
}): Promise<{ codesSecours: string[]; token: string | null }> {
  const { agentId, ip } = input;
  return db().$transaction(async (tx) => {
    const agent = await tx.agent.findUniqueOrThrow({
      where: { id: agentId },
      select: { totpActiveAt: true, totpSecretChiffre: true },
    });
    if (agent.totpActiveAt) throw new AppError("totp_deja_active", "La double authentification est déjà activée.");
    if (!agent.totpSecretChiffre)
      throw new AppError("totp_non_prepare", "Rechargez la page pour afficher le QR code.", "code");
    const pas = verifierCodeTotp(dechiffrerSecretTotp(agentId, agent.totpSecretChiffre), input.code, null);
    if (pas === null) throw new AppError("code", CODE_INCORRECT, "code");
    const now = new Date();
    const { count } = await tx.agent.updateMany({
      where: { id: agentId, totpActiveAt: null },
      data: { totpActiveAt: now, totpDernierPas: pas },
    });
    if (count !== 1) throw new AppError("totp_deja_active", "La double authentification est déjà activée.");
    const codesSecours = await remplacerCodesSecours(tx, agentId);
    await journal(tx, { event: "agent.totp_active", actorKind: "AGENT", actorId: agentId, ip });

    const enAttente = await tx.session.updateMany({
      where: { id: input.sessionId, agentId, mfaEnAttente: true, revokedAt: null },
      data: { revokedAt: now },
    });
    if (enAttente.count === 0) return { codesSecours, token: null };
    await tx.agent.update({ where: { id: agentId }, data: { lastLoginAt: now } });
    await journal(tx, {
      event: "connexion.reussie",
      actorKind: "AGENT",
      actorId: agentId,
      ip,
      details: { secondFacteur: "enrolement" },
    });
    return { codesSecours, token: await openSession(tx, { kind: "AGENT", agentId }, ip) };
  });
}
