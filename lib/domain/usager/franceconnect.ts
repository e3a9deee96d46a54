// A space and FranceConnect. An identity is linked to a space by FranceConnect's `sub` only, never by the
// e-mail it gives (not a verified key: two people may share one, and anyone may type anyone's): a known `sub`
// opens the space's usual session; an unknown one is kept in a "Créer mon espace" draft, from which the parent
// either creates a space (Identité locked to what FranceConnect says, the courriel it gives prefilled, no
// identifiant, password nor anti-bot check: creer-du-brouillon.ts) or proves, once, with identifiant and
// password that an existing space is theirs.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { login } from "@/lib/auth/login";
import { openSession, revokeSession } from "@/lib/auth/sessions";
import { hashToken } from "@/lib/auth/tokens";
import type { IdentiteFranceConnect } from "@/lib/auth/franceconnect";
import { createBrouillon, type Brouillon } from "@/lib/domain/usager/brouillon";

import { Prisma } from "@/lib/generated/prisma/client";

const TROP_DE_BROUILLONS =
  "Trop d'espaces ont été commencés depuis cette adresse aujourd'hui. Réessayez demain, ou adressez-vous au service Enfance.";

const PAYS_FRANCE = "99100";

/** The Identité step's fields FranceConnect fills and the parent cannot change (the nom usuel stays theirs). */
export const CHAMPS_VERROUILLES = [
  "civilite",
  "nomNaissance",
  "prenoms",
  "dateNaissance",
  "paysNaissance",
  "departementNaissance",
  "communeNaissance",
] as const;

/** The Identité step as FranceConnect fills it. */
export function identiteDuBrouillon(identite: IdentiteFranceConnect): Record<string, string> {
  const enFrance = identite.paysNaissance === PAYS_FRANCE;
  // The INSEE code of a commune starts with its département's: 2 characters (2A, 2B for Corsica), 3 overseas.
  const departement = identite.lieuNaissance?.startsWith("97")
    ? identite.lieuNaissance.slice(0, 3)
    : identite.lieuNaissance?.slice(0, 2);
  return {
    civilite: identite.sexe === "female" ? "MADAME" : "MONSIEUR",
    nomUsage: identite.nomUsage ?? identite.nomNaissance,
    nomNaissance: identite.nomNaissance,
    prenoms: identite.prenoms,
    dateNaissance: identite.dateNaissance,
    paysNaissance: enFrance ? "France" : `Code pays INSEE ${identite.paysNaissance}`,
    departementNaissance: enFrance && departement ? departement : "",
    communeNaissance: enFrance && identite.lieuNaissance ? `Code commune INSEE ${identite.lieuNaissance}` : "",
  };
}

/** What the parent typed in the Identité step, with the locked fields put back to FranceConnect's. */
export function verrouillerIdentite(brouillon: Brouillon, values: Record<string, string>): void {
  const identite = brouillon.data.franceconnect;
  if (!identite) return;
  const imposes = identiteDuBrouillon(identite);
  for (const champ of CHAMPS_VERROUILLES) values[champ] = imposes[champ]!;
}

export type RetourFranceConnect =
  { issue: "session"; token: string } | { issue: "non_active" } | { issue: "inconnue"; brouillonToken: string };

/** The end of a successful FranceConnect exchange: the space's session, or the draft of the choice to make. */
export async function connexionFranceConnect(
  identite: IdentiteFranceConnect,
  ctx: { ip: string; idToken: string },
): Promise<RetourFranceConnect> {
  return db().$transaction(async (tx) => {
    const usager = await tx.usager.findUnique({
      where: { franceconnectSub: identite.sub },
      select: { id: true, activatedAt: true, lastLoginAt: true },
    });
    if (!usager) {
      const cree = await createBrouillon(
        ctx.ip,
        new Date(),
        {
          franceconnect: identite,
          franceconnectIdToken: ctx.idToken,
          identite: identiteDuBrouillon(identite),
          // the courriel FranceConnect gives, prefilled and editable: the activation mail confirms whichever is kept
          ...(identite.courriel ? { contact: { courriel: identite.courriel } } : {}),
        },
        tx,
      );
      if (!cree) throw new AppError("trop_de_brouillons", TROP_DE_BROUILLONS);
      const { token } = cree;
      await journal(tx, { event: "franceconnect.identite_inconnue", actorKind: "USAGER", ip: ctx.ip });
      return { issue: "inconnue", brouillonToken: token };
    }
    if (!usager.activatedAt) return { issue: "non_active" };
    await tx.usager.update({
      where: { id: usager.id },
      data: { previousLoginAt: usager.lastLoginAt, lastLoginAt: new Date() },
    });
    await journal(tx, {
      event: "connexion.reussie",
      actorKind: "USAGER",
      actorId: usager.id,
      ip: ctx.ip,
      details: { methode: "franceconnect" },
    });
    const token = await openSession(tx, { kind: "USAGER", usagerId: usager.id }, ctx.ip, {
      idTokenFranceconnect: ctx.idToken,
    });
    return { issue: "session", token };
  });
}

export const DEJA_ASSOCIE =
  "Cet espace est déjà associé à une autre identité FranceConnect. Connectez-vous avec votre identifiant, puis dissociez-la dans « Modifier mon espace ».";
const IDENTITE_DEJA_ASSOCIEE = "Cette identité FranceConnect est déjà associée à un autre espace.";

export type Association =
  | { ok: true; token: string }
  | { ok: false; reason: "identifiants" | "altcha" | "non_active" | "deja_associe" }
  | { ok: false; reason: "bloque"; until: Date };

/**
 * "J'ai déjà un espace": the identifiant and password of the space, checked by the login itself (throttled and
 * journaled like any login), then the draft's FranceConnect identity is linked to that space, whose session
 * now remembers the ID token for the logout.
 */
export async function associerFranceConnect(input: {
  brouillon: Brouillon;
  identifiant: string;
  motDePasse: string;
  ip: string;
}): Promise<Association> {
  const identite = input.brouillon.data.franceconnect;
  if (!identite) throw new AppError("franceconnect_absent", "Reconnectez-vous avec FranceConnect.");
  const connexion = await login({ kind: "USAGER", ...input });
  if (!connexion.ok) return connexion.reason === "bloque" ? connexion : { ok: false, reason: connexion.reason };
  const usagerId = connexion.subject.kind === "USAGER" ? connexion.subject.usagerId : "";
  try {
    const lie = await db().$transaction(async (tx) => {
      const { count } = await tx.usager.updateMany({
        where: { id: usagerId, franceconnectSub: null },
        data: { franceconnectSub: identite.sub },
      });
      if (count !== 1) return false;
      const idToken = input.brouillon.data.franceconnectIdToken;
      if (idToken) {
        await tx.session.updateMany({
          where: { tokenHash: hashToken(connexion.token) },
          data: { idTokenFranceconnect: idToken },
        });
      }
      await journal(tx, { event: "franceconnect.associe", actorKind: "USAGER", actorId: usagerId, ip: input.ip });
      await tx.wizardDraft.deleteMany({ where: { id: input.brouillon.id } });
      return true;
    });
    if (!lie) {
      await revokeSession(connexion.token);
      return { ok: false, reason: "deja_associe" };
    }
  } catch (error) {
    await revokeSession(connexion.token);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("identite_deja_associee", IDENTITE_DEJA_ASSOCIEE);
    }
    throw error;
  }
  return { ok: true, token: connexion.token };
}

/** "Dissocier FranceConnect": only a space that has a password may, or it could no longer be opened. */
export async function dissocierFranceConnect(ctx: { usagerId: string; ip: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const usager = await tx.usager.findUniqueOrThrow({
      where: { id: ctx.usagerId },
      select: { passwordHash: true, franceconnectSub: true },
    });
    if (!usager.franceconnectSub) return;
    if (!usager.passwordHash) {
      throw new AppError(
        "sans_mot_de_passe",
        "Votre espace n'a pas encore de mot de passe : choisissez-en un (« J'ai oublié mon mot de passe. » vous en envoie le lien) avant de dissocier FranceConnect.",
      );
    }
    await tx.usager.update({ where: { id: ctx.usagerId }, data: { franceconnectSub: null } });
    await journal(tx, { event: "franceconnect.dissocie", actorKind: "USAGER", actorId: ctx.usagerId, ip: ctx.ip });
  });
}

/** For the unknown-identity page: who FranceConnect says the parent is. */
export function resumeIdentite(brouillon: Brouillon | null): { prenoms: string; nom: string } | null {
  const identite = brouillon?.data.franceconnect;
  return identite ? { prenoms: identite.prenoms, nom: identite.nomUsage ?? identite.nomNaissance } : null;
}
