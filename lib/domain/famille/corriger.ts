// An agent corrects a person of a family (representant, enfant, contact, their address): the same rules as
// the parent's declaration, one transaction, a journal entry naming every field changed (old → new: a family
// holds no health data), and a mail to the family's linked spaces that says a change was made, not which.
import { createElement } from "react";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { getCommune } from "@/lib/commune";
import {
  creerAdresse,
  donneesAdresse,
  donneesContact,
  donneesEnfant,
  donneesRepresentant,
} from "@/lib/domain/famille/creer";
import { cibleTexte, personneDeLaFamille, type Cible, type Personne } from "@/lib/domain/famille/queries-agent";
import {
  champsDePersonne,
  erreursDePersonne,
  SCHEMAS,
  type AdresseSaisie,
  type ContactSaisi,
  type EnfantSaisi,
  type Titulaire,
} from "@/lib/domain/famille/schemas";
import FamilleModifiee, { familleModifieeSubject } from "@/emails/FamilleModifiee";

export type Changement = { champ: string; avant: string; apres: string };
export type Correction = { ok: true; changements: Changement[] } | { ok: false; erreurs: Record<string, string> };

/** Optional fields left empty are cleared (null), where Prisma would read undefined as "leave as is". */
function effacerVides<T extends Record<string, unknown>>(
  data: T,
): { [K in keyof T]: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] } {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, value === undefined ? null : value]),
  ) as never;
}

/** What the schema kept, in the form's own terms, to compare with what was there. */
function enValeurs(data: Record<string, unknown>): Record<string, string> {
  const valeurs: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === "adresse") {
      if (value === null) valeurs.memeAdresse = "on";
      else Object.assign(valeurs, enValeurs(value as Record<string, unknown>));
    } else valeurs[key] = value === undefined || value === false ? "" : value === true ? "on" : String(value);
  }
  return valeurs;
}

function comparer(avant: Record<string, string>, apres: Record<string, string>): Changement[] {
  const champs = [...new Set([...Object.keys(avant), ...Object.keys(apres)])];
  return champs.flatMap((champ) => {
    const [a, b] = [avant[champ] ?? "", apres[champ] ?? ""];
    return a === b ? [] : [{ champ, avant: a, apres: b }];
  });
}

/**
 * Where the person's address lives after the correction. The titulaire's row is the family's address (a
 * co-représentant "at the same address" shares it): correcting it moves both, as a move does. A person who
 * leaves a shared row gets a row of their own.
 */
async function placerAdresse(tx: Tx, personne: Personne, adresse: AdresseSaisie | null): Promise<string | null> {
  const { adresseId, adresseFamilleId, role } = personne;
  let nouvelle: string | null;
  if (!adresse) nouvelle = role === "enfant" ? null : adresseFamilleId;
  else if (adresseId && (adresseId !== adresseFamilleId || role === "titulaire")) {
    await tx.adresse.update({ where: { id: adresseId }, data: effacerVides(donneesAdresse(adresse)) });
    nouvelle = adresseId;
  } else nouvelle = await creerAdresse(tx, adresse);
  return nouvelle;
}

/** Once the person points elsewhere, the row they left goes if nobody else lives there. */
async function supprimerAdresseQuittee(tx: Tx, personne: Personne, nouvelle: string | null): Promise<void> {
  const { adresseId, adresseFamilleId } = personne;
  if (adresseId && adresseId !== nouvelle && adresseId !== adresseFamilleId) {
    await tx.adresse.deleteMany({ where: { id: adresseId, representants: { none: {} }, enfants: { none: {} } } });
  }
}

/** The courriels of the spaces linked to the families concerned (both families of a child in garde alternée). */
async function courrielsDesFamilles(tx: Tx, familleId: string, cible: Cible): Promise<string[]> {
  const famille = cible.kind === "enfant" ? { enfants: { some: { enfantId: cible.id } } } : { id: familleId };
  const representants = await tx.representant.findMany({
    where: { famille, usagerId: { not: null } },
    select: { usager: { select: { courriel: true } } },
  });
  return [...new Set(representants.flatMap((r) => (r.usager ? [r.usager.courriel] : [])))];
}

export async function corrigerPersonne({
  agentId,
  familleId,
  cible,
  saisie,
}: {
  agentId: string;
  familleId: string;
  cible: Cible;
  /** the posted form, as typed */
  saisie: Record<string, string>;
}): Promise<Correction> {
  const commune = await getCommune();
  const resultat = await db().$transaction(async (tx): Promise<Correction> => {
    // Read again here, scoped by the family: an id that is not of this family is "not found".
    const personne = await personneDeLaFamille(familleId, cible, tx);
    if (!personne) throw new AppError("introuvable", "Cette personne ne fait pas partie de cette famille.");
    const valeurs = champsDePersonne(personne.role, saisie);
    const parsed = SCHEMAS[personne.role].safeParse(valeurs);
    if (!parsed.success) return { ok: false, erreurs: erreursDePersonne(personne.role, valeurs) };
    const data = parsed.data as Record<string, unknown>;
    const changements = comparer(personne.valeurs, enValeurs(data));
    if (changements.length === 0) return { ok: true, changements };

    if (cible.kind === "representant") {
      const representant = data as Titulaire;
      const adresseId = (await placerAdresse(tx, personne, representant.adresse)) as string;
      await tx.representant.update({
        where: { id: cible.id },
        data: { ...effacerVides(donneesRepresentant(representant)), adresseId },
      });
      await supprimerAdresseQuittee(tx, personne, adresseId);
    } else if (cible.kind === "enfant") {
      const enfant = data as EnfantSaisi;
      const adresseId = await placerAdresse(tx, personne, enfant.adresse);
      await tx.enfant.update({ where: { id: cible.id }, data: { ...effacerVides(donneesEnfant(enfant)), adresseId } });
      await supprimerAdresseQuittee(tx, personne, adresseId);
    } else {
      await tx.contact.update({ where: { id: cible.id }, data: effacerVides(donneesContact(data as ContactSaisi)) });
    }

    await journal(tx, {
      event: "famille.corrigee",
      actorKind: "AGENT",
      actorId: agentId,
      details: { familleId, personne: cibleTexte(cible), role: personne.role, changements },
    });
    const lien = `${config.appUrl}/mon-espace`;
    for (const courriel of await courrielsDesFamilles(tx, familleId, cible)) {
      const element = createElement(FamilleModifiee, { commune: commune.nom, serviceNom: commune.serviceNom, lien });
      await enqueueMail(tx, await renderMail(courriel, familleModifieeSubject, element));
    }
    return { ok: true, changements };
  });
  return resultat;
}
