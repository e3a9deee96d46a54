// Logging in, for usagers and agents alike: throttled, journaled, and answering in the same time and words
// whether the identifiant exists or not.
import "server-only";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { adresseAuDelaDuSeuil, essaiReussi, loginLockedUntil, reserverEssai } from "@/lib/auth/throttle";
import { verifyAltcha } from "@/lib/auth/altcha";
import { verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import { openSession, type Subject } from "@/lib/auth/sessions";
import { secondFacteurExige } from "@/lib/auth/second-facteur";
import type { SessionKind } from "@/lib/generated/prisma/client";

export type LoginResult =
  /** mfaEnAttente: the session opens nothing until the agent's TOTP code (lib/auth/second-facteur.ts) */
  | { ok: true; token: string; subject: Subject; mfaEnAttente: boolean }
  /** altchaDemande: the next try must come with the anti-bot check (the address is past its threshold) */
  | { ok: false; reason: "identifiants"; altchaDemande?: true }
  /** the address is past its threshold and the anti-bot check was missing or wrong: no password was checked */
  | { ok: false; reason: "altcha" }
  | { ok: false; reason: "non_active"; usagerId: string }
  | { ok: false; reason: "bloque"; until: Date };

export async function login(input: {
  kind: SessionKind;
  identifiant: string;
  motDePasse: string;
  ip: string;
  /** the anti-bot payload, needed once the address is past its threshold */
  altcha?: string;
  /** a parent's « Se souvenir de moi sur cet appareil », and that device in words (lib/auth/appareil.ts) */
  seSouvenir?: boolean;
  appareil?: string;
}): Promise<LoginResult> {
  const identifiant = input.identifiant.trim().toLowerCase().slice(0, 254);
  const { kind, ip } = input;

  // Past the per-address threshold, the anti-bot check comes first: without it no password is checked and no try
  // is counted against the identifiant.
  if ((await adresseAuDelaDuSeuil(db(), kind, ip)) && !(await verifyAltcha(input.altcha))) {
    return { ok: false, reason: "altcha" };
  }
  // The per-address count no longer locks: it asks for the anti-bot check (above) instead.
  const essai = await reserverEssai(kind, identifiant, ip, new Date(), { parAdresse: false });
  if ("bloqueJusqua" in essai) {
    const until = essai.bloqueJusqua;
    await journal(db(), {
      event: "connexion.bloquee",
      actorKind: kind,
      ip,
      details: { identifiant, jusqua: until.toISOString() },
    });
    return { ok: false, reason: "bloque", until };
  }

  const account =
    kind === "USAGER"
      ? await db().usager.findUnique({
          where: { identifiantNormalise: identifiant },
          select: { id: true, passwordHash: true, activatedAt: true },
        })
      : await db().agent.findUnique({
          where: { identifiantNormalise: identifiant },
          select: { id: true, passwordHash: true, active: true, role: true, totpActiveAt: true, permissions: true },
        });
  const passwordOk = account
    ? await verifyPassword(account.passwordHash, input.motDePasse)
    : await verifyAgainstNothing(input.motDePasse);
  const usable = account && passwordOk && ("active" in account ? account.active : true);

  if (!account || !usable) {
    // the reserved try stays as this failure
    const nowLocked = await loginLockedUntil(db(), kind, identifiant, ip, new Date(), { parAdresse: false });
    if (nowLocked) {
      await journal(db(), {
        event: "connexion.bloquee",
        actorKind: kind,
        ip,
        details: { identifiant, jusqua: nowLocked.toISOString() },
      });
    }
    return {
      ok: false,
      reason: "identifiants",
      altchaDemande: (await adresseAuDelaDuSeuil(db(), kind, ip)) || undefined,
    };
  }
  // Only the right password learns that the space still waits for its activation.
  if ("activatedAt" in account && !account.activatedAt) {
    // the right password is no guess: the try counts neither as a failure nor as a success
    await db().loginAttempt.delete({ where: { id: essai.essaiId } });
    return { ok: false, reason: "non_active", usagerId: account.id };
  }

  const subject: Subject = kind === "USAGER" ? { kind, usagerId: account.id } : { kind, agentId: account.id };
  const { token, mfaEnAttente } = await db().$transaction(async (tx) => {
    await essaiReussi(tx, essai.essaiId);
    const mfaEnAttente = "role" in account && (await secondFacteurExige(tx, account));
    if (mfaEnAttente) {
      // The login is complete (lastLoginAt, connexion.reussie) only once the code is given.
      await journal(tx, { event: "connexion.mot_de_passe_valide", actorKind: kind, actorId: account.id, ip });
    } else if (kind === "USAGER") {
      const { lastLoginAt } = await tx.usager.findUniqueOrThrow({
        where: { id: account.id },
        select: { lastLoginAt: true },
      });
      await tx.usager.update({
        where: { id: account.id },
        data: { previousLoginAt: lastLoginAt, lastLoginAt: new Date() },
      });
    } else {
      await tx.agent.update({ where: { id: account.id }, data: { lastLoginAt: new Date() } });
    }
    const seSouvenir = kind === "USAGER" && input.seSouvenir === true;
    if (!mfaEnAttente) {
      await journal(tx, {
        event: "connexion.reussie",
        actorKind: kind,
        actorId: account.id,
        ip,
        ...(seSouvenir ? { details: { seSouvenir } } : {}),
      });
    }
    const token = await openSession(tx, subject, ip, { mfaEnAttente, seSouvenir, appareil: input.appareil });
    return { token, mfaEnAttente };
  });
  return { ok: true, token, subject, mfaEnAttente };
}
