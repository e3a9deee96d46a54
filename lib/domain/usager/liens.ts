// The single-use links mailed to a usager (activation 24 h, password reset 1 h, new courriel 24 h), and their mails.
import { createElement } from "react";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { HOUR, hashToken, isExpired, newToken } from "@/lib/auth/tokens";
import { LIMITE_ENVOIS, reserverEnvoi } from "@/lib/auth/limite-envoi";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import CreationEspace, { creationEspaceSubject } from "@/emails/CreationEspace";
import TentativeCourriel, { tentativeCourrielSubject } from "@/emails/TentativeCourriel";
import MotDePasseOublie, { motDePasseOublieSubject } from "@/emails/MotDePasseOublie";
import type { Commune, TokenPurpose, Usager } from "@/lib/generated/prisma/client";

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  ACTIVATION: 24 * HOUR,
  PASSWORD_RESET: HOUR,
  CHANGEMENT_COURRIEL: 24 * HOUR,
};

/** Issues a new link of that purpose; the earlier ones stop working at once. `courriel`: the address a CHANGEMENT_COURRIEL link confirms. */
export async function issueToken(
  tx: Tx,
  usagerId: string,
  purpose: TokenPurpose,
  now = new Date(),
  courriel?: string,
  // a link resent because someone else tried the address: the holder's first link must keep working
  { garderLesAutres = false } = {},
): Promise<string> {
  if (!garderLesAutres) {
    await tx.usagerToken.updateMany({ where: { usagerId, purpose, usedAt: null }, data: { expiresAt: now } });
  }
  const token = newToken();
  await tx.usagerToken.create({
    data: {
      usagerId,
      purpose,
      courriel,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    },
  });
  return token;
}

export type TokenCheck =
  | { status: "valide"; tokenId: string; usagerId: string }
  | { status: "expire" | "utilise"; usagerId: string }
  | { status: "inconnu" };

export async function checkToken(tx: Tx, token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenCheck> {
  const row = await tx.usagerToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose) return { status: "inconnu" };
  if (row.usedAt) return { status: "utilise", usagerId: row.usagerId };
  if (isExpired(row.expiresAt, now)) return { status: "expire", usagerId: row.usagerId };
  return { status: "valide", tokenId: row.id, usagerId: row.usagerId };
}

/** Marks the token used, unless another request did it first: only one use ever wins. */
export async function consumeToken(tx: Tx, tokenId: string, now = new Date()): Promise<boolean> {
  const { count } = await tx.usagerToken.updateMany({
    where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}

export async function queueActivationMail(tx: Tx, usager: Usager, commune: Commune): Promise<void> {
  const token = await issueToken(tx, usager.id, "ACTIVATION");
  const element = createElement(CreationEspace, {
    commune: commune.nom,
    salutation: salutation(usager),
    lien: `${config.appUrl}/activation/${token}`,
  });
  await enqueueMail(tx, await renderMail(usager.courriel, creationEspaceSubject(commune.nom), element));
}

export async function queueResetMail(tx: Tx, usager: Usager, commune: Commune): Promise<void> {
  const token = await issueToken(tx, usager.id, "PASSWORD_RESET");
  const element = createElement(MotDePasseOublie, {
    commune: commune.nom,
    salutation: salutation(usager),
    identifiant: usager.identifiant,
    lien: `${config.appUrl}/mot-de-passe-oublie/${token}`,
  });
  await enqueueMail(tx, await renderMail(usager.courriel, motDePasseOublieSubject(commune.nom), element));
}

/**
 * Tells the holder of an address that someone tried to use it (a new space, another space's courriel change);
 * a space still waiting for activation gets a working activation link again, its first link kept. At most
 * 3 such mails an hour per address: the rest are dropped silently (the page's answer never depends on it).
 */
export async function queueTentativeMail(
  tx: Tx,
  usager: Usager,
  commune: Commune,
  motif: "creation" | "changement",
  // false when the caller has already counted this mail against the address's limit
  { compter = true, now = new Date() } = {},
): Promise<void> {
  if (compter && (await reserverEnvoi(tx, [`courriel:${usager.courrielNormalise}`], LIMITE_ENVOIS, now))) return;
  const lienActivation = usager.activatedAt
    ? undefined
    : `${config.appUrl}/activation/${await issueToken(tx, usager.id, "ACTIVATION", now, undefined, { garderLesAutres: true })}`;
  const element = createElement(TentativeCourriel, {
    commune: commune.nom,
    salutation: salutation(usager),
    motif,
    lienActivation,
    lienConnexion: `${config.appUrl}/connexion`,
  });
  await enqueueMail(tx, await renderMail(usager.courriel, tentativeCourrielSubject(commune.nom), element));
}
