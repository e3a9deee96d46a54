// "J'ai oublié mon mot de passe.": a single-use link valid one hour, then a new password that ends every
// other session of the space.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { hashPassword, newPasswordError } from "@/lib/auth/password";
import { revokeUsagerSessions } from "@/lib/auth/sessions";
import { getCommune } from "@/lib/domain/commune/queries";
import { checkToken, consumeToken, queueResetMail } from "@/lib/domain/usager/liens";

/** Sends the link when an activated space matches; answers the same either way. */
export async function demanderReinitialisation(identifiantOuCourriel: string, ctx: { ip: string }): Promise<void> {
  const key = identifiantOuCourriel.trim().toLowerCase();
  if (!key) return;
  const commune = await getCommune();
  await db().$transaction(async (tx) => {
    const usager = await tx.usager.findFirst({
      where: { OR: [{ identifiantNormalise: key }, { courrielNormalise: key }] },
    });
    if (!usager?.activatedAt) return;
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
