// Créer mon espace: the last step of the wizard. One transaction creates the space, its activation link and
// the mail that carries it. A courriel that already has a space, activated or not, is never overwritten nor
// revealed: the page answers as for a new space, and the address's holder is told by mail (with a working
// activation link when the space still waits for it). The identifiant must stay checkable (people pick
// one), but only after the anti-bot check and at most 10 taken ones an hour per address.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { hashPassword } from "@/lib/auth/password";
import { getCommune } from "@/lib/commune";
import { queueActivationMail, queueTentativeMail } from "@/lib/domain/usager/liens";
import { reserverEnvoi } from "@/lib/auth/limite-envoi";
import { HOUR } from "@/lib/auth/tokens";
import { formatParis } from "@/lib/temps/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NouvelEspace } from "@/lib/domain/usager/schemas";

export const IDENTIFIANT_PRIS = "Cet identifiant est déjà utilisé : choisissez-en un autre.";
const LIMITE_IDENTIFIANTS = { max: 10, fenetreMs: HOUR } as const;

export async function creerEspace(espace: NouvelEspace, ctx: { ip: string }): Promise<{ usagerId: string | null }> {
  const commune = await getCommune();
  const passwordHash = espace.motDePasse === null ? null : await hashPassword(espace.motDePasse);
  const courrielNormalise = espace.contact.courriel.toLowerCase();
  const data = {
    identifiant: espace.identifiant,
    identifiantNormalise: espace.identifiant.toLowerCase(),
    courriel: espace.contact.courriel,
    courrielNormalise,
    passwordHash,
    // A registration taking over a space never activated takes over its FranceConnect link too (or clears it).
    franceconnectSub: espace.franceconnectSub ?? null,
    civilite: espace.identite.civilite,
    nomUsage: espace.identite.nomUsage,
    nomNaissance: espace.identite.nomNaissance ?? null,
    prenoms: espace.identite.prenoms,
    dateNaissance: espace.identite.dateNaissance ? new Date(`${espace.identite.dateNaissance}T00:00:00Z`) : null,
    paysNaissance: espace.identite.paysNaissance ?? null,
    departementNaissance: espace.identite.departementNaissance ?? null,
    communeNaissance: espace.identite.communeNaissance ?? null,
    photoKey: espace.identite.photoKey ?? null,
    adresseNumero: espace.adresse.adresseNumero ?? null,
    adresseVoie: espace.adresse.adresseVoie ?? null,
    adresseComplement: espace.adresse.adresseComplement ?? null,
    codePostal: espace.adresse.codePostal ?? null,
    ville: espace.adresse.ville ?? null,
    pays: espace.adresse.pays ?? null,
    telephone: espace.contact.telephone ?? null,
    mobile: espace.contact.mobile ?? null,
    moyenContactPrefere: espace.contact.moyenContactPrefere ?? null,
    cleEnfanceSaisie: espace.cleEnfance ?? null,
    cguVersion: espace.cguVersion,
    cguAcceptedAt: espace.cguAcceptedAt,
  };

  const identifiantNormalise = data.identifiantNormalise;
  const refusIdentifiant = async () => {
    const jusqua = await db().$transaction((tx) =>
      reserverEnvoi(tx, [`identifiant-pris:${ctx.ip}`], LIMITE_IDENTIFIANTS),
    );
    return jusqua
      ? new AppError(
          "identifiants_essayes",
          `Trop d'identifiants déjà utilisés ont été essayés. Réessayez à partir de ${formatParis(jusqua, "HH:mm")}.`,
          "identifiant",
        )
      : new AppError("identifiant_pris", IDENTIFIANT_PRIS, "identifiant");
  };

  try {
    const resultat = await db().$transaction(async (tx) => {
      const existing = await tx.usager.findUnique({ where: { courrielNormalise } });
      if (existing) {
        await queueTentativeMail(tx, existing, commune, "creation");
        await journal(tx, { event: "espace.creation_courriel_existant", actorId: existing.id, ip: ctx.ip });
        return { usagerId: null };
      }
      if (await tx.usager.findUnique({ where: { identifiantNormalise }, select: { id: true } })) return "pris";
      const usager = await tx.usager.create({ data });
      await queueActivationMail(tx, usager, commune);
      await journal(tx, { event: "espace.cree", actorKind: "USAGER", actorId: usager.id, ip: ctx.ip });
      return { usagerId: usager.id };
    });
    if (resultat === "pris") throw await refusIdentifiant();
    return resultat;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Two registrations raced: the unique indexes let exactly one through. The loser with the same courriel
      // is answered as a success (the winner's mail is on its way to that address).
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("courriel")) return { usagerId: null };
      if (target.includes("franceconnect")) {
        throw new AppError(
          "franceconnect_pris",
          "Cette identité FranceConnect est déjà associée à un espace.",
          "_form",
        );
      }
      throw await refusIdentifiant();
    }
    throw error;
  }
}
