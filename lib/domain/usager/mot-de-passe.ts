// "J'ai oublié mon mot de passe.": a single-use link valid one hour, then a new password that ends every
// other session of the space.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { hashPassword, newPasswordError } from "@/lib/auth/password";
import { revokeUsagerSessions } from "@/lib/auth/sessions";
import { LIMITE_ENVOIS, reserverEnvoi } from "@/lib/auth/limite-envoi";
import { getCommune } from "@/lib/commune";
import { checkToken, consumeToken, queueResetMail } from "@/lib/domain/usager/liens";

/**
 * What one typed identifiant or courriel may ask for: 3 links an hour, whether or not a space matches (the key
 * is what was typed, so the answer reveals nothing). Null when the request may go on, else when to try again.
 */
export async function limiterDemandeReinitialisation(saisie: string, now = new Date()): Promise<Date | null> {
  const key = saisie.trim().toLowerCase();
  return db().$transaction((tx) => reserverEnvoi(tx, [`reinitialisation:${key}`], LIMITE_ENVOIS, now));
}

/**
 * Sends the link when an activated space matches, at most 3 an hour per space and per address whatever was
 * typed to reach it. Called after the answer has left (next/server's after()), so the answer takes the same
 * time whether a space matches or not.
 */
export async function demanderReinitialisation(
  identifiantOuCourriel: string,
  ctx: { ip: string },
  now = new Date(),
): Promise<void> {
  const key = identifiantOuCourriel.trim().toLowerCase();
  if (!key) return;
  const commune = await getCommune();
  await db().$transaction(async (tx) => {
    const usager = await tx.usager.findFirst({
      where: { OR: [{ identifiantNormalise: key }, { courrielNormalise: key }] },
    });
    if (!usager?.activatedAt) return;
    const cles = [`usager:${usager.id}`, `courriel:${usager.courrielNormalise}`];
    if (await reserverEnvoi(tx, cles, LIMITE_ENVOIS, now)) return;
    await queueResetMail(tx, usager, commune);
    await journal(tx, { event: "mot_de_passe.lien_envoye", actorKind: "USAGER", actorId: usager.id, ip: ctx.ip });
  });
}

export async function lienReinitialisationValide(token: string): Promise<"valide" | "expire" | "utilise" | "inconnu"> {
  return (await checkToken(db(), token, "PASSWORD_RESET")).status;
}

const LIEN_PERIME = "Ce lien n'est plus valable : demandez un nouveau lien ci-dessous.";

export async function reinitialiserMotDePasse(token: string, motDePasse: string, ctx: { ip: string }): Promise<void> {
  const check = await checkToken(db(), token, "PASSWORD_RESET");
  if (check.status !== "valide") throw new AppError("lien_perime", LIEN_PERIME);
  const usager = await db().usager.findUniqueOrThrow({ where: { id: check.usagerId } });
  const refus = newPasswordError(motDePasse, usager.identifiant);
  if (refus) throw new AppError("mot_de_passe", refus, "motDePasse");
  const passwordHash = await hashPassword(motDePasse);
  await db().$transaction(async (tx) => {
    if (!(await consumeToken(tx, check.tokenId))) throw new AppError("lien_perime", LIEN_PERIME);
    await tx.usager.update({ where: { id: usager.id }, data: { passwordHash } });
    const revoked = await revokeUsagerSessions(tx, usager.id);
    await journal(tx, {
      event: "mot_de_passe.reinitialise",
      actorKind: "USAGER",
      actorId: usager.id,
      ip: ctx.ip,
      details: { sessionsFermees: revoked },
    });
  });
}
