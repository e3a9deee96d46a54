// "Changement de courriels": the current password again, then a link mailed to the new address (24 h). Only
// its confirmation, by the same space, replaces the address; the old one is then told of the change.
import { createElement } from "react";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dateHeure, formatParis } from "@/lib/temps/dates";
import { LIMITE_ENVOIS, reserverEnvoi } from "@/lib/auth/limite-envoi";
import { journal } from "@/lib/journal";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { hashToken } from "@/lib/auth/tokens";
import { getCommune } from "@/lib/commune";
import { checkToken, consumeToken, issueToken, queueTentativeMail } from "@/lib/domain/usager/liens";
import { salutation } from "@/lib/mail/salutation";
import { verifierMotDePasseActuel } from "@/lib/domain/usager/mot-de-passe-actuel";
import ChangementCourriel, { changementCourrielSubject } from "@/emails/ChangementCourriel";
import CourrielModifie, { courrielModifieSubject } from "@/emails/CourrielModifie";
import { Prisma, type Usager } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

export const COURRIEL_DEJA_UTILISE =
  "Cette adresse de courriel est déjà utilisée par un autre espace : indiquez-en une autre.";

/** Any space holding the address, activated or not. */
async function courrielPris(tx: Tx, courrielNormalise: string, usagerId: string): Promise<boolean> {
  const autre = await tx.usager.findUnique({ where: { courrielNormalise }, select: { id: true } });
  return Boolean(autre && autre.id !== usagerId);
}

export async function demanderChangementCourriel({
  usager,
  motDePasse,
  nouveauCourriel,
  ip,
  now = new Date(),
}: {
  usager: Usager;
  motDePasse: string;
  nouveauCourriel: string;
  ip: string;
  now?: Date;
}): Promise<void> {
  await verifierMotDePasseActuel(usager, motDePasse, ip);
  const courriel = nouveauCourriel.trim();
  const courrielNormalise = courriel.toLowerCase();
  if (courrielNormalise === usager.courrielNormalise) {
    throw new AppError("meme_courriel", "C'est déjà l'adresse de courriel de votre espace.", "courriel");
  }
  const commune = await getCommune();
  await db().$transaction(async (tx) => {
    // 3 confirmation mails an hour per space and per address, whoever asks
    const jusqua = await reserverEnvoi(
      tx,
      [`changement-courriel:${usager.id}`, `courriel:${courrielNormalise}`],
      LIMITE_ENVOIS,
      now,
    );
    if (jusqua) {
      throw new AppError(
        "trop_de_demandes",
        `Trois demandes de changement ont déjà été faites dans l'heure. Réessayez à partir de ${formatParis(jusqua, "HH:mm")}.`,
        "courriel",
      );
    }
    const titulaire = await tx.usager.findUnique({ where: { courrielNormalise } });
    if (titulaire && titulaire.id !== usager.id) {
      // Answered like any other request, so the page tells nobody which addresses have a space; the holder
      // is told by mail instead.
      await queueTentativeMail(tx, titulaire, commune, "changement", { compter: false, now });
      await journal(tx, { event: "courriel.changement_adresse_prise", actorKind: "USAGER", actorId: usager.id, ip });
      return;
    }
    const token = await issueToken(tx, usager.id, "CHANGEMENT_COURRIEL", now, courriel);
    const element = createElement(ChangementCourriel, {
      commune: commune.nom,
      salutation: salutation(usager),
      identifiant: usager.identifiant,
      lien: `${config.appUrl}/mes-informations/courriel/confirmer/${token}`,
    });
    await enqueueMail(tx, await renderMail(courriel, changementCourrielSubject(commune.nom), element));
    await journal(tx, { event: "courriel.changement_demande", actorKind: "USAGER", actorId: usager.id, ip });
  });
}

export type LienCourriel = { status: "valide" | "expire" | "utilise"; courriel: string };

/** What the link of this space is, or null when it is unknown or another space's (the page is then a 404). */
export async function lienChangementCourriel(
  usagerId: string,
  token: string,
  now = new Date(),
): Promise<LienCourriel | null> {
  const check = await checkToken(db(), token, "CHANGEMENT_COURRIEL", now);
  if (check.status === "inconnu" || check.usagerId !== usagerId) return null;
  const { courriel } = await db().usagerToken.findUniqueOrThrow({
    where: { tokenHash: hashToken(token) },
    select: { courriel: true },
  });
  return { status: check.status, courriel: courriel ?? "" };
}

const LIEN_PERIME = "Ce lien n'est plus valable : demandez un nouveau changement de courriel.";

/** The new address replaces the old one, which is told of it. Only the space that asked can confirm. */
export async function confirmerChangementCourriel({
  usagerId,
  token,
  ip,
  now = new Date(),
}: {
  usagerId: string;
  token: string;
  ip: string;
  now?: Date;
}): Promise<{ courriel: string }> {
  const commune = await getCommune();
  try {
    const resultat = await db().$transaction(async (tx) => {
      const check = await checkToken(tx, token, "CHANGEMENT_COURRIEL", now);
      if (check.status === "inconnu" || check.usagerId !== usagerId)
        throw new AppError("introuvable", "Ce lien est inconnu.");
      if (check.status !== "valide" || !(await consumeToken(tx, check.tokenId, now)))
        throw new AppError("lien_perime", LIEN_PERIME);
      const { courriel } = await tx.usagerToken.findUniqueOrThrow({
        where: { id: check.tokenId },
        select: { courriel: true },
      });
      if (!courriel) throw new AppError("lien_perime", LIEN_PERIME);
      // Another space may hold it (taken during the 24 hours, or already when asked: that request was answered
      // like any other). Whoever follows the link reads the new address's mail, so may be told.
      if (await courrielPris(tx, courriel.toLowerCase(), usagerId))
        throw new AppError("courriel_pris", COURRIEL_DEJA_UTILISE);
      const avant = await tx.usager.findUniqueOrThrow({ where: { id: usagerId } });
      await tx.usager.update({
        where: { id: usagerId },
        data: { courriel, courrielNormalise: courriel.toLowerCase() },
      });
      const element = createElement(CourrielModifie, {
        commune: commune.nom,
        salutation: salutation(avant),
        identifiant: avant.identifiant,
        nouveauMasque: masquer(courriel),
        le: dateHeure(now),
      });
      await enqueueMail(tx, await renderMail(avant.courriel, courrielModifieSubject(commune.nom), element));
      await journal(tx, { event: "courriel.modifie", actorKind: "USAGER", actorId: usagerId, ip });
      return { courriel };
    });
    return resultat;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("courriel_pris", COURRIEL_DEJA_UTILISE);
    throw error;
  }
}

/** "claire.etchart@exemple.fr" → "c•••••@exemple.fr": enough for the owner to recognise it, not to write to it. */
export function masquer(courriel: string): string {
  const [local = "", domaine = ""] = courriel.split("@");
  return `${local.slice(0, 1)}•••••@${domaine}`;
}
