// Logging in, for usagers and agents alike: throttled, journaled, and answering in the same time and words
// whether the identifiant exists or not.
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { loginLockedUntil } from "@/lib/auth/throttle";
import { verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import { openSession, type Subject } from "@/lib/auth/sessions";
import type { SessionKind } from "@/lib/generated/prisma/client";

export type LoginResult =
  | { ok: true; token: string; subject: Subject }
  | { ok: false; reason: "identifiants" }
  | { ok: false; reason: "non_active"; usagerId: string }
  | { ok: false; reason: "bloque"; until: Date };

export async function login(input: { kind: SessionKind; identifiant: string; motDePasse: string; ip: string }): Promise<LoginResult> {
  const identifiant = input.identifiant.trim().toLowerCase().slice(0, 254);
  const { kind, ip } = input;

  const until = await loginLockedUntil(db(), kind, identifiant, ip);
  if (until) {
    await journal(db(), { event: "connexion.bloquee", actorKind: kind, ip, details: { identifiant, jusqua: until.toISOString() } });
    return { ok: false, reason: "bloque", until };
  }

  const account =
    kind === "USAGER"
      ? await db().usager.findUnique({ where: { identifiantNormalise: identifiant }, select: { id: true, passwordHash: true, activatedAt: true } })
      : await db().agent.findUnique({ where: { identifiantNormalise: identifiant }, select: { id: true, passwordHash: true, active: true } });
  const passwordOk = account ? await verifyPassword(account.passwordHash, input.motDePasse) : await verifyAgainstNothing(input.motDePasse);
  const usable = account && passwordOk && ("active" in account ? account.active : true);

  if (!account || !usable) {
    await db().loginAttempt.create({ data: { kind, identifiant, ip, success: false } });
    const nowLocked = await loginLockedUntil(db(), kind, identifiant, ip);
    if (nowLocked) {
      await journal(db(), { event: "connexion.bloquee", actorKind: kind, ip, details: { identifiant, jusqua: nowLocked.toISOString() } });
    }
    return { ok: false, reason: "identifiants" };
  }
  // Only the right password learns that the space still waits for its activation.
  if ("activatedAt" in account && !account.activatedAt) {
    return { ok: false, reason: "non_active", usagerId: account.id };
  }

  const subject: Subject = kind === "USAGER" ? { kind, usagerId: account.id } : { kind, agentId: account.id };
  const token = await db().$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { kind, identifiant, ip, success: true } });
    if (kind === "USAGER") {
      const { lastLoginAt } = await tx.usager.findUniqueOrThrow({ where: { id: account.id }, select: { lastLoginAt: true } });
      await tx.usager.update({ where: { id: account.id }, data: { previousLoginAt: lastLoginAt, lastLoginAt: new Date() } });
    } else {
      await tx.agent.update({ where: { id: account.id }, data: { lastLoginAt: new Date() } });
    }
    await journal(tx, { event: "connexion.reussie", actorKind: kind, actorId: account.id, ip });
    return openSession(tx, subject, ip);
  });
  return { ok: true, token, subject };
}
