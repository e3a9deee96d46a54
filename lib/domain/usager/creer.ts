// Créer mon espace: the last step of the wizard. One transaction creates the space, its activation link and
// the mail that carries it. A space never activated is taken over by a new registration with its courriel,
// which gets a fresh link instead of an error.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { hashPassword } from "@/lib/auth/password";
import { getCommune } from "@/lib/domain/commune/queries";
import { queueActivationMail } from "@/lib/domain/usager/liens";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NouvelEspace } from "@/lib/domain/usager/schemas";

export const IDENTIFIANT_PRIS = "Cet identifiant est déjà utilisé : choisissez-en un autre.";
const COURRIEL_PRIS =
  "Un espace activé existe déjà avec ce courriel. Connectez-vous, ou utilisez « J'ai oublié mon mot de passe. ».";

export async function creerEspace(
  espace: NouvelEspace,
  ctx: { ip: string },
): Promise<{ usagerId: string; repris: boolean }> {
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

  try {
    return await db().$transaction(async (tx) => {
      const existing = await tx.usager.findUnique({
        where: { courrielNormalise },
        select: { id: true, activatedAt: true },
      });
      if (existing?.activatedAt) throw new AppError("courriel_pris", COURRIEL_PRIS, "courriel");
      const usager = existing
        ? await tx.usager.update({ where: { id: existing.id }, data: { ...data, createdAt: new Date() } })
        : await tx.usager.create({ data });
      await queueActivationMail(tx, usager, commune);
      await journal(tx, {
        event: existing ? "espace.recree" : "espace.cree",
        actorKind: "USAGER",
        actorId: usager.id,
        ip: ctx.ip,
      });
      return { usagerId: usager.id, repris: Boolean(existing) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Two registrations raced: the unique indexes let exactly one through.
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("courriel")) throw new AppError("courriel_pris", COURRIEL_PRIS, "courriel");
      if (target.includes("franceconnect")) {
        throw new AppError(
          "franceconnect_pris",
          "Cette identité FranceConnect est déjà associée à un espace.",
          "_form",
        );
      }
      throw new AppError("identifiant_pris", IDENTIFIANT_PRIS, "identifiant");
    }
    throw error;
  }
}
