// « Payer par prélèvement automatique »: a parent signs a SEPA mandate for their family, online. The signer is
// authenticated again at the moment of signing (the password re-entered, or a FranceConnect sign-in of less than
// 10 minutes: the session knows how and when it was opened), and the acceptance is recorded (time, address, method,
// the text version): what makes an online mandate valid. One transaction: the mandate under a new RUM, its
// version 1 (the IBAN encrypted, its last 4 characters in clear), the history's first row, the journal (never
// the IBAN), and the mail with the mandate's PDF (IBAN masked). Changing the IBAN (modifier-mandat.ts) signs the
// same way.
import "server-only";
import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { verifyPassword } from "@/lib/auth/password";
import { essaiReussi, reserverEssai } from "@/lib/auth/throttle";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { erreurIban, finIban, normaliserIban } from "@/lib/argent/iban";
import { chiffrerIban, historiqueSignature } from "@/lib/domain/prelevement/mandat";
import { debiteur, mandatPdf } from "@/lib/domain/prelevement/mandat-pdf";
import { journal } from "@/lib/journal";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { dateHeure, formatParis } from "@/lib/temps/dates";
import MandatSepa, { mandatSepaSubject } from "@/emails/MandatSepa";

/** A FranceConnect sign-in counts as a signature this long after it. */
export const FRAICHEUR_FRANCECONNECT_MS = 10 * 60 * 1000;

/**
 * The RUM the family's next mandate carries, shown before it is signed: "PF-" + the clé enfance + the rank of
 * the family's mandate ("PF-S27J-P2RQ-1", then -2 after a revocation). Unique (the clé is, and the unique index
 * says so again); read under the family's lock when signing.
 */
export async function prochaineRum(client: Tx, familleId: string): Promise<string> {
  const [famille, deja] = await Promise.all([
    client.famille.findUniqueOrThrow({ where: { id: familleId }, select: { cleEnfance: true } }),
    client.mandatSepa.count({ where: { familleId } }),
  ]);
  return `PF-${famille.cleEnfance}-${deja + 1}`;
}

export type Signature = {
  usagerId: string;
  /** the session the parent signs from: a fresh FranceConnect one needs no password */
  sessionId: string;
  iban: string;
  titulaire: string;
  consentement: boolean;
  motDePasse?: string;
  ip: string;
  now: Date;
};

/** Whether this session was opened through FranceConnect less than 10 minutes ago. */
export async function franceConnectRecent(sessionId: string, usagerId: string, now: Date): Promise<boolean> {
  const session = await db().session.findFirst({
    where: { id: sessionId, usagerId, revokedAt: null },
    select: { idTokenFranceconnect: true, createdAt: true },
  });
  return !!session?.idTokenFranceconnect && now.getTime() - session.createdAt.getTime() < FRAICHEUR_FRANCECONNECT_MS;
}

/**
 * Checks what the parent typed and who they are; returns the normalised IBAN and the method. Refusals are
 * AppErrors beside their field. Outside any transaction: argon2 takes its time.
 */
export async function verifierSignature(s: Signature): Promise<{ iban: string; methode: string }> {
  const erreur = erreurIban(s.iban);
  if (erreur) throw new AppError("iban", erreur, "iban");
  if (!s.titulaire.trim()) throw new AppError("titulaire", "Indiquez le titulaire du compte.", "titulaire");
  if (!s.consentement) {
    throw new AppError("consentement", "Cochez la case pour accepter le mandat.", "consentement");
  }
  if (await franceConnectRecent(s.sessionId, s.usagerId, s.now)) {
    return { iban: normaliserIban(s.iban), methode: "FRANCECONNECT" };
  }
  if (!s.motDePasse) throw new AppError("motDePasse", "Saisissez votre mot de passe pour signer.", "motDePasse");
  // counted as the login counts (5 failures in 15 minutes): a session left open does not let anyone try passwords
  const essai = await reserverEssai("USAGER", `signature:${s.usagerId}`, s.ip, s.now, { parAdresse: false });
  if ("bloqueJusqua" in essai) {
    throw new AppError(
      "bloque",
      `Trop d'essais de mot de passe : réessayez après ${formatParis(essai.bloqueJusqua, "HH:mm")}.`,
      "motDePasse",
    );
  }
  const usager = await db().usager.findUniqueOrThrow({ where: { id: s.usagerId }, select: { passwordHash: true } });
  if (!(await verifyPassword(usager.passwordHash, s.motDePasse))) {
    throw new AppError("motDePasse", "Mot de passe incorrect : le mandat n'est pas signé.", "motDePasse");
  }
  await essaiReussi(db() as unknown as Tx, essai.essaiId);
  return { iban: normaliserIban(s.iban), methode: "MOT_DE_PASSE" };
}

/** The settings a signature needs: prélèvement offered and the ICS set, else the family cannot sign. */
export async function parametresOuverts(client: Tx) {
  const p = await client.parametresPrelevement.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  if (!p.actif || !p.ics) {
    throw new AppError("ferme", "Le prélèvement automatique n'est pas proposé par la commune pour l'instant.");
  }
  return p;
}

/** Writes a signed version of the mandate and queues its mail with the PDF (IBAN masked). */
export async function ecrireVersion(
  tx: Tx,
  v: { mandatId: string; numero: number; familleId: string; iban: string; methode: string } & Signature,
) {
  const [parametres, qui] = await Promise.all([
    tx.parametresPrelevement.findUniqueOrThrow({ where: { id: 1 } }),
    debiteur(tx, v.familleId, v.usagerId),
  ]);
  if (!qui) throw new AppError("introuvable", "Cette famille est introuvable.");
  await tx.versionMandat.create({
    data: {
      mandatId: v.mandatId,
      numero: v.numero,
      ibanChiffre: chiffrerIban(v.mandatId, v.iban),
      ibanFin: finIban(v.iban),
      titulaire: v.titulaire.trim(),
      adresse: qui.adresse,
      usagerId: v.usagerId,
      signeLe: v.now,
      adresseIp: v.ip,
      methode: v.methode,
      versionTexte: parametres.versionTexte,
    },
  });
  const { rum } = await tx.mandatSepa.findUniqueOrThrow({ where: { id: v.mandatId }, select: { rum: true } });
  await journal(tx, {
    event: v.numero === 1 ? "mandat.signe" : "mandat.modifie",
    actorKind: "USAGER",
    actorId: v.usagerId,
    ip: v.ip,
    details: { rum, familleId: v.familleId, version: v.numero, methode: v.methode },
  });
  const pdf = (await mandatPdf(tx, { mandatId: v.mandatId, numero: v.numero, iban: "masque" }))!;
  const [usager, commune] = await Promise.all([
    tx.usager.findUniqueOrThrow({ where: { id: v.usagerId } }),
    tx.commune.findUniqueOrThrow({ where: { id: 1 } }),
  ]);
  const element = createElement(MandatSepa, {
    commune: commune.nom,
    salutation: salutation(usager),
    rum,
    signeLe: dateHeure(v.now),
    version: v.numero,
    lien: `${config.appUrl}/factures/prelevement`,
  });
  await enqueueMail(tx, await renderMail(usager.courriel, mandatSepaSubject(), element), [
    { nom: `mandat-${rum}.pdf`, typeMime: "application/pdf", contenu: pdf },
  ]);
  return rum;
}

/** The family the parent signs for: one they represent, without a mandate in force (active or suspended). */
async function familleSansMandat(tx: Tx, usagerId: string, familleId: string) {
  const r = await tx.representant.findFirst({ where: { usagerId, familleId }, select: { id: true } });
  if (!r) throw new AppError("introuvable", "Cette famille est introuvable.");
  // the family's row, locked: two signatures at once for one family make one mandate
  await tx.$queryRaw`SELECT id FROM "Famille" WHERE id = ${familleId} FOR UPDATE`;
  const enCours = await tx.mandatSepa.findFirst({
    where: { familleId, statut: { in: ["ACTIF", "SUSPENDU"] } },
    select: { id: true },
  });
  if (enCours) {
    throw new AppError("deja", "Votre famille a déjà un mandat : modifiez son IBAN ou révoquez-le d'abord.");
  }
}

export async function signerMandat(s: Signature & { familleId: string }): Promise<{ rum: string }> {
  const { iban, methode } = await verifierSignature(s);
  return db().$transaction(async (tx) => {
    await parametresOuverts(tx);
    await familleSansMandat(tx, s.usagerId, s.familleId);
    const rum = await prochaineRum(tx, s.familleId);
    const mandatId = randomUUID();
    await tx.mandatSepa.create({
      data: { id: mandatId, rum, familleId: s.familleId, statut: "ACTIF", signeLe: s.now },
    });
    await historiqueSignature(tx, { mandatId, usagerId: s.usagerId, now: s.now });
    await ecrireVersion(tx, { ...s, mandatId, numero: 1, iban, methode });
    return { rum };
  });
}
