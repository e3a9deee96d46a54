// Créer mon espace: the last step of the wizard. One transaction creates the space, its activation link and
// the mail that carries it. A courriel that already has a space, activated or not, is never overwritten nor
// revealed: the page answers as for a new space, and the address's holder is told by mail (with a working
// activation link when the space still waits for it). The identifiant must stay checkable (people pick
// one), but only after the anti-bot check and at most 10 taken ones an hour per address. A space created with
// FranceConnect chooses none: one is generated from the name (« angela.dubois », then « angela.dubois2 »…), free
// inside the transaction, tried again when another creation took it in the meantime.
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
import type { Tx } from "@/lib/db";
import type { NouvelEspace } from "@/lib/domain/usager/schemas";

export const IDENTIFIANT_PRIS = "Cet identifiant est déjà utilisé : choisissez-en un autre.";
const LIMITE_IDENTIFIANTS = { max: 10, fenetreMs: HOUR } as const;

const ESSAIS_IDENTIFIANT_GENERE = 5;

/** The generated identifiant's stem: first prénom and nom, without accents, « angela.dubois » (at most 40). */
export function identifiantDeBase(prenoms: string, nom: string): string {
  const simple = (texte: string) =>
    texte
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const base = [simple(prenoms.split(/\s+/)[0] ?? ""), simple(nom)].filter(Boolean).join(".").slice(0, 40);
  return base.length >= 3 ? base : `parent${base ? `.${base}` : ""}`;
}

/** The first of base, base2, base3… no space has, read in the creation's transaction. */
async function identifiantLibre(tx: Tx, base: string): Promise<string> {
  const pris = new Set(
    (
      await tx.usager.findMany({
        where: { identifiantNormalise: { startsWith: base } },
        select: { identifiantNormalise: true },
      })
    ).map((u) => u.identifiantNormalise),
  );
  let n = 1;
  while (pris.has(n === 1 ? base : `${base}${n}`)) n++;
  return n === 1 ? base : `${base}${n}`;
}

export type EspaceCree = {
  /** null when the courriel already had a space (nothing created; the page answers the same) */
  usagerId: string | null;
  /** the one chosen, or the one generated for a space created with FranceConnect */
  identifiant: string;
};

export async function creerEspace(espace: NouvelEspace, ctx: { ip: string }): Promise<EspaceCree> {
  for (let essai = 1; ; essai++) {
    try {
      return await tenterCreation(espace, ctx);
    } catch (error) {
      // a generated identifiant taken by a concurrent creation: read again, next free one
      const conflit = error instanceof AppError && error.code === "identifiant_genere_pris";
      if (conflit && essai < ESSAIS_IDENTIFIANT_GENERE) continue;
      throw error;
    }
  }
}

async function tenterCreation(espace: NouvelEspace, ctx: { ip: string }): Promise<EspaceCree> {
  const commune = await getCommune();
  const passwordHash = espace.motDePasse === null ? null : await hashPassword(espace.motDePasse);
  const courrielNormalise = espace.contact.courriel.toLowerCase();
  const genere = espace.identifiant === null;
  const choisi = espace.identifiant ?? "";
  const data = {
    identifiant: choisi,
    identifiantNormalise: choisi.toLowerCase(),
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
      // generated before the courriel is looked at: the page shows one either way, revealing nothing
      if (genere) {
        data.identifiant = await identifiantLibre(tx, identifiantDeBase(data.prenoms, data.nomUsage));
        data.identifiantNormalise = data.identifiant;
      }
      const existing = await tx.usager.findUnique({ where: { courrielNormalise } });
      if (existing) {
        await queueTentativeMail(tx, existing, commune, "creation");
        await journal(tx, { event: "espace.creation_courriel_existant", actorId: existing.id, ip: ctx.ip });
        return { usagerId: null, identifiant: data.identifiant };
      }
      const identifiantNormalise = data.identifiantNormalise;
      if (await tx.usager.findUnique({ where: { identifiantNormalise }, select: { id: true } })) return "pris";
      const usager = await tx.usager.create({ data });
      await queueActivationMail(tx, usager, commune);
      await journal(tx, {
        event: "espace.cree",
        actorKind: "USAGER",
        actorId: usager.id,
        ip: ctx.ip,
        ...(genere ? { details: { methode: "franceconnect" } } : {}),
      });
      return { usagerId: usager.id, identifiant: usager.identifiant };
    });
    if (resultat === "pris") {
      if (genere) throw new AppError("identifiant_genere_pris", IDENTIFIANT_PRIS);
      throw await refusIdentifiant();
    }
    return resultat;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Two registrations raced: the unique indexes let exactly one through. The loser with the same courriel
      // is answered as a success (the winner's mail is on its way to that address).
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("courriel")) return { usagerId: null, identifiant: data.identifiant };
      if (target.includes("franceconnect")) {
        throw new AppError(
          "franceconnect_pris",
          "Cette identité FranceConnect est déjà associée à un espace.",
          "_form",
        );
      }
      if (genere) throw new AppError("identifiant_genere_pris", IDENTIFIANT_PRIS);
      throw await refusIdentifiant();
    }
    throw error;
  }
}
