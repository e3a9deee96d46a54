// The agents' second factor at login: after the password, a session with mfaEnAttente opens nothing but the
// code page (lib/auth/current.ts); a valid TOTP code or an unused recovery code swaps it for a full session
// (a new token, so the half-authenticated one is worth nothing afterwards). Wrong codes are throttled like
// passwords, in LoginAttempt under the identifiant "totp:<identifiant>" (5 per agent, 20 per address, in
// 15 minutes), and journaled.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { journal } from "@/lib/journal";
import { essaiReussi, loginLockedUntil, reserverEssai } from "@/lib/auth/throttle";
import { openSession } from "@/lib/auth/sessions";
import { dechiffrerSecretTotp, empreinteCodeSecours, verifierCodeTotp } from "@/lib/auth/totp";
import type { Agent, Session } from "@/lib/generated/prisma/client";

/**
 * ADMINs always; every agent who holds the access to health data (SANTE: one factor must not open children's
 * health files, issue 30); every agent when the commune asks for it; and any agent who enrolled of their own will.
 */
export async function secondFacteurExige(
  tx: Tx,
  agent: Pick<Agent, "role" | "totpActiveAt" | "permissions">,
): Promise<boolean> {
  if (agent.role === "ADMIN" || agent.permissions.includes("SANTE") || agent.totpActiveAt) return true;
  const commune = await tx.commune.findUnique({ where: { id: 1 }, select: { totpObligatoire: true } });
  return commune?.totpObligatoire ?? false;
}

export const cleLimitationCode = (agent: Pick<Agent, "identifiantNormalise">) => `totp:${agent.identifiantNormalise}`;

export type ResultatCode =
  { ok: true; token: string } | { ok: false; reason: "code" } | { ok: false; reason: "bloque"; until: Date };

/** Thrown inside the transaction to undo it (a code already spent by a concurrent request, for instance). */
class Refus extends Error {}

/** Consumes the code (TOTP step or recovery code) when it is good; true when it was. */
async function consommerCode(
  tx: Tx,
  agentId: string,
  saisie: string,
  now: Date,
): Promise<"totp" | "code_secours" | null> {
  const agent = await tx.agent.findUniqueOrThrow({
    where: { id: agentId },
    select: { totpSecretChiffre: true, totpActiveAt: true, totpDernierPas: true },
  });
  if (!agent.totpActiveAt || !agent.totpSecretChiffre) return null;
  if (/^\s*\d{3}\s*\d{3}\s*$/.test(saisie)) {
    const pas = verifierCodeTotp(
      dechiffrerSecretTotp(agentId, agent.totpSecretChiffre),
      saisie,
      agent.totpDernierPas,
      now,
    );
    if (pas === null) return null;
    // Conditional, so two requests carrying the same code cannot both pass.
    const { count } = await tx.agent.updateMany({
      where: { id: agentId, OR: [{ totpDernierPas: null }, { totpDernierPas: { lt: pas } }] },
      data: { totpDernierPas: pas },
    });
    return count === 1 ? "totp" : null;
  }
  const { count } = await tx.codeSecours.updateMany({
    where: { agentId, codeHash: empreinteCodeSecours(saisie), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1 ? "code_secours" : null;
}

export async function validerSecondFacteur(input: {
  session: Session;
  agent: Agent;
  saisie: string;
  ip: string;
}): Promise<ResultatCode> {
  const { session, agent, ip } = input;
  const cle = cleLimitationCode(agent);
  const now = new Date();
  // counted before the code is checked, so parallel wrong codes cannot all be tried (5 at most)
  const essai = await reserverEssai("AGENT", cle, ip, now);
  if ("bloqueJusqua" in essai) {
    const until = essai.bloqueJusqua;
    await journal(db(), {
      event: "connexion.code_bloque",
      actorKind: "AGENT",
      actorId: agent.id,
      ip,
      details: { jusqua: until.toISOString() },
    });
    return { ok: false, reason: "bloque", until };
  }
  let token: string | null = null;
  try {
    token = await db().$transaction(async (tx) => {
      const methode = await consommerCode(tx, agent.id, input.saisie.slice(0, 40), now);
      if (!methode) return null;
      const { count } = await tx.session.updateMany({
        where: { id: session.id, mfaEnAttente: true, revokedAt: null },
        data: { revokedAt: now },
      });
      if (count !== 1) throw new Refus();
      await essaiReussi(tx, essai.essaiId);
      await tx.agent.update({ where: { id: agent.id }, data: { lastLoginAt: now } });
      const restants =
        methode === "code_secours"
          ? await tx.codeSecours.count({ where: { agentId: agent.id, usedAt: null } })
          : undefined;
      await journal(tx, {
        event: "connexion.reussie",
        actorKind: "AGENT",
        actorId: agent.id,
        ip,
        details: { secondFacteur: methode, ...(restants !== undefined ? { codesSecoursRestants: restants } : {}) },
      });
      return openSession(tx, { kind: "AGENT", agentId: agent.id }, ip);
    });
  } catch (error) {
    if (!(error instanceof Refus)) throw error;
  }
  if (token) return { ok: true, token };

  await journal(db(), { event: "connexion.code_refuse", actorKind: "AGENT", actorId: agent.id, ip });
  const nowLocked = await loginLockedUntil(db(), "AGENT", cle, ip);
  if (nowLocked) return { ok: false, reason: "bloque", until: nowLocked };
  return { ok: false, reason: "code" };
}
