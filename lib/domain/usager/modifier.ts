// "Modifier mon espace" and the direct parts of "Mes informations": identity, telephones, the space's own
// address (when no family holds it), and the password. Each command touches only the caller's space.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { hashPassword, newPasswordError } from "@/lib/auth/password";
import { revokeUsagerSessions } from "@/lib/auth/sessions";
import { verifierMotDePasseActuel } from "@/lib/domain/usager/mot-de-passe-actuel";
import type { AdresseSaisie } from "@/lib/domain/famille/schemas";
import type { Telephones, identiteSchema } from "@/lib/domain/usager/schemas";
import type { Usager } from "@/lib/generated/prisma/client";
import type { z } from "zod";

export async function modifierIdentite({
  usagerId,
  identite,
}: {
  usagerId: string;
  identite: z.infer<typeof identiteSchema>;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.usager.update({
      where: { id: usagerId },
      data: {
        civilite: identite.civilite,
        nomUsage: identite.nomUsage,
        nomNaissance: identite.nomNaissance ?? null,
        prenoms: identite.prenoms,
        dateNaissance: identite.dateNaissance ? new Date(`${identite.dateNaissance}T00:00:00Z`) : null,
        paysNaissance: identite.paysNaissance ?? null,
        departementNaissance: identite.departementNaissance ?? null,
        communeNaissance: identite.communeNaissance ?? null,
      },
    });
    await journal(tx, { event: "espace.identite_modifiee", actorKind: "USAGER", actorId: usagerId });
  });
}

export async function modifierTelephones({
  usagerId,
  telephones,
}: {
  usagerId: string;
  telephones: Telephones;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const { moyenContactPrefere } = await tx.usager.findUniqueOrThrow({
      where: { id: usagerId },
      select: { moyenContactPrefere: true },
    });
    // the preferred means of contact chosen at creation must keep a number
    if (moyenContactPrefere === "TELEPHONE" && !telephones.telephone) {
      throw new AppError("prefere", "Indiquez le téléphone, votre moyen de contact préféré.", "telephone");
    }
    if (moyenContactPrefere === "MOBILE" && !telephones.mobile) {
      throw new AppError("prefere", "Indiquez le mobile, votre moyen de contact préféré.", "mobile");
    }
    await tx.usager.update({
      where: { id: usagerId },
      data: { telephone: telephones.telephone ?? null, mobile: telephones.mobile ?? null },
    });
    await journal(tx, { event: "espace.telephones_modifies", actorKind: "USAGER", actorId: usagerId });
  });
}

/** The space's own columns for an address typed in AdresseFields (bâtiment and appartement go in the complément). */
export function adresseDeLEspace(adresse: AdresseSaisie) {
  return {
    adresseNumero: adresse.adresseNumero ?? null,
    adresseVoie: adresse.adresseVoie,
    adresseComplement:
      [
        adresse.adresseBatiment && `Bât. ${adresse.adresseBatiment}`,
        adresse.adresseAppartement && `Appt ${adresse.adresseAppartement}`,
        adresse.adresseComplement,
      ]
        .filter(Boolean)
        .join(", ") || null,
    codePostal: adresse.codePostal,
    ville: adresse.ville,
    pays: adresse.pays,
  };
}

/** A space without a family changes its address itself; with one, it is a demande (famille/changement-adresse.ts). */
export async function modifierAdresseEspace({
  usagerId,
  adresse,
}: {
  usagerId: string;
  adresse: AdresseSaisie;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    if (await tx.representant.findFirst({ where: { usagerId }, select: { id: true } })) {
      throw new AppError(
        "famille",
        "Votre espace est rattaché à une famille : le changement d'adresse est une demande aux agents de la mairie.",
      );
    }
    await tx.usager.update({ where: { id: usagerId }, data: adresseDeLEspace(adresse) });
    await journal(tx, { event: "espace.adresse_modifiee", actorKind: "USAGER", actorId: usagerId });
  });
}

/** A new password under the creation rule; every other session of the space ends, this one goes on. */
export async function changerMotDePasse({
  usager,
  sessionId,
  motDePasseActuel,
  motDePasse,
  ip,
}: {
  usager: Usager;
  sessionId: string;
  motDePasseActuel: string;
  motDePasse: string;
  ip: string;
}): Promise<{ sessionsFermees: number }> {
  await verifierMotDePasseActuel(usager, motDePasseActuel, ip);
  const refus = newPasswordError(motDePasse, usager.identifiant);
  if (refus) throw new AppError("mot_de_passe", refus, "motDePasse");
  if (motDePasse === motDePasseActuel)
    throw new AppError("meme", "Choisissez un mot de passe différent de l'actuel.", "motDePasse");
  const passwordHash = await hashPassword(motDePasse);
  return db().$transaction(async (tx) => {
    await tx.usager.update({ where: { id: usager.id }, data: { passwordHash } });
    const sessionsFermees = await revokeUsagerSessions(tx, usager.id, sessionId);
    await journal(tx, {
      event: "mot_de_passe.modifie",
      actorKind: "USAGER",
      actorId: usager.id,
      ip,
      details: { sessionsFermees },
    });
    return { sessionsFermees };
  });
}
