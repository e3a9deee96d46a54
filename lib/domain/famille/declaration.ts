// The "Ajout de famille" wizard on the server. Its demande is the parent's draft (or the deposited one the
// agents sent back « à compléter »): each person's form is saved into it as typed when the parent leaves
// the person or moves on, so a reload, a logout or a restart loses nothing. One command, one transaction.
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatParis } from "@/lib/temps/dates";
import { EN_COURS } from "@/lib/domain/demande/queries";
import {
  champsDePersonne,
  erreursDePersonne,
  lireBrouillon,
  validerDeclaration,
  type Brouillon,
  type Manque,
  type Role,
} from "@/lib/domain/famille/schemas";
import type { Demande, Usager } from "@/lib/generated/prisma/client";

const TYPE = "AJOUT_FAMILLE";
const EDITABLES = ["BROUILLON", "A_COMPLETER"] as const;

/** What the parent's space says about declaring a family. */
export async function etatDeclaration(usagerId: string) {
  const [representant, demandes] = await Promise.all([
    db().representant.findFirst({ where: { usagerId }, select: { familleId: true } }),
    db().demande.findMany({
      where: { usagerId, type: TYPE, statut: { in: [...EDITABLES, ...EN_COURS] } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    familleId: representant?.familleId ?? null,
    /** the demande the wizard edits: the draft, or one sent back to complete */
    editable: demandes.find((demande) => (EDITABLES as readonly string[]).includes(demande.statut)) ?? null,
    /** deposited and waiting for the agents */
    enAttente: demandes.find((demande) => demande.statut === "DEPOSEE" || demande.statut === "EN_INSTRUCTION") ?? null,
  };
}

/** TITULAIRE DU COMPTE prefilled from the space, as the seed shows it. */
export function titulaireDepuisEspace(usager: Usager): Record<string, string> {
  const values: Record<string, string | null | undefined> = {
    civilite: usager.civilite,
    nomUsage: usager.nomUsage,
    nomFamille: usager.nomNaissance,
    prenom: usager.prenoms,
    dateNaissance: usager.dateNaissance ? formatParis(usager.dateNaissance, "yyyy-MM-dd") : null,
    communeNaissance: usager.communeNaissance,
    departementNaissance: usager.departementNaissance,
    paysNaissance: usager.paysNaissance,
    adresseNumero: usager.adresseNumero,
    adresseVoie: usager.adresseVoie,
    adresseComplement: usager.adresseComplement,
    codePostal: usager.codePostal,
    ville: usager.ville,
    pays: usager.pays ? usager.pays.toUpperCase() : "FRANCE",
    telephoneDomicile: usager.telephone,
    telephonePortable: usager.mobile,
    courriel: usager.courriel,
  };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

export type Selection = { role: Role; id?: string };

export function lireSelection(selection: string | undefined | null): Selection {
  if (selection === "co-representant") return { role: "coRepresentant" };
  const match = /^(enfant|contact)-([0-9a-f-]{36})$/.exec(selection ?? "");
  if (match) return { role: match[1] as "enfant" | "contact", id: match[2] };
  return { role: "titulaire" };
}

export function ecrireSelection({ role, id }: Selection): string {
  return role === "coRepresentant" ? "co-representant" : role === "titulaire" ? "titulaire" : `${role}-${id}`;
}

/** The values of the selected person, or null when it is not (or no longer) in the draft. */
export function valeursDe(brouillon: Brouillon, selection: Selection): Record<string, string> | null {
  if (selection.role === "titulaire") return brouillon.titulaire;
  if (selection.role === "coRepresentant") return brouillon.coRepresentant;
  const liste = selection.role === "enfant" ? brouillon.enfants : brouillon.contacts;
  return liste.find((personne) => personne.id === selection.id) ?? null;
}

export type Suite =
  | { kind: "selectionner"; selection: Selection }
  | { kind: "ajouter"; role: "coRepresentant" | "enfant" | "contact" }
  | { kind: "supprimer" }
  | { kind: "rester" }
  | { kind: "etape2" };

export type Resultat =
  | { kind: "selection"; selection: Selection }
  | { kind: "erreurs"; errors: Record<string, string> }
  | { kind: "manques"; manques: Manque[]; errors: Record<string, string> }
  | { kind: "recapitulatif" };

/**
 * Saves the person shown (when `enregistrer` is given) then does what the parent asked next: select another
 * person, add one, delete the one shown, stay (ENREGISTRER), or go to step 2 (refused with the list of who
 * and what is missing).
 */
export async function modifierDeclaration({
  usager,
  enregistrer,
  suite,
}: {
  usager: Usager;
  enregistrer?: { selection: Selection; values: Record<string, string> };
  suite: Suite;
}): Promise<Resultat> {
  return db().$transaction(async (tx) => {
    const demande = await verrouillerOuCreer(tx, usager);
    const brouillon = lireBrouillon(demande.donnees);
    let errors: Record<string, string> = {};
    if (enregistrer) {
      const values = champsDePersonne(enregistrer.selection.role, enregistrer.values);
      ecrire(brouillon, enregistrer.selection, values);
      errors = erreursDePersonne(enregistrer.selection.role, values);
    }
    let resultat: Resultat;
    switch (suite.kind) {
      case "selectionner":
        resultat = { kind: "selection", selection: suite.selection };
        break;
      case "ajouter": {
        const selection: Selection =
          suite.role === "coRepresentant" ? { role: "coRepresentant" } : { role: suite.role, id: randomUUID() };
        if (!valeursDe(brouillon, selection))
          ecrire(brouillon, selection, suite.role === "contact" ? {} : { memeAdresse: "on" });
        resultat = { kind: "selection", selection };
        break;
      }
      case "supprimer":
        if (enregistrer && enregistrer.selection.role !== "titulaire") supprimer(brouillon, enregistrer.selection);
        resultat = { kind: "selection", selection: { role: "titulaire" } };
        break;
      case "rester":
        resultat =
          Object.keys(errors).length > 0
            ? { kind: "erreurs", errors }
            : { kind: "selection", selection: enregistrer?.selection ?? { role: "titulaire" } };
        break;
      case "etape2": {
        const validation = validerDeclaration(brouillon);
        resultat = validation.ok ? { kind: "recapitulatif" } : { kind: "manques", manques: validation.manques, errors };
        break;
      }
    }
    await tx.demande.update({
      where: { id: demande.id },
      data: { donnees: brouillon, etape: resultat.kind === "recapitulatif" ? 2 : 1 },
    });
    return resultat;
  });
}

function ecrire(brouillon: Brouillon, { role, id }: Selection, values: Record<string, string>): void {
  if (role === "titulaire") brouillon.titulaire = values;
  else if (role === "coRepresentant") brouillon.coRepresentant = values;
  else {
    const liste = role === "enfant" ? brouillon.enfants : brouillon.contacts;
    const index = liste.findIndex((personne) => personne.id === id);
    const personne = { ...values, id: id as string };
    if (index >= 0) liste[index] = personne;
    else liste.push(personne);
  }
}

function supprimer(brouillon: Brouillon, { role, id }: Selection): void {
  if (role === "coRepresentant") brouillon.coRepresentant = null;
  if (role === "enfant") brouillon.enfants = brouillon.enfants.filter((enfant) => enfant.id !== id);
  if (role === "contact") brouillon.contacts = brouillon.contacts.filter((contact) => contact.id !== id);
}

/**
 * The editable Ajout de famille of this space, locked for this transaction; a draft is created on the first
 * save (never on a page view), unless the space already has a family or a declaration waiting.
 */
async function verrouillerOuCreer(tx: Tx, usager: Usager): Promise<Demande> {
  const editable = async () =>
    (
      await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Demande" WHERE "usagerId" = ${usager.id} AND type = 'AJOUT_FAMILLE' AND statut IN ('BROUILLON', 'A_COMPLETER')
        ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`
    )[0];
  let row = await editable();
  if (!row) {
    const [famille, enAttente] = await Promise.all([
      tx.representant.findFirst({ where: { usagerId: usager.id }, select: { id: true } }),
      tx.demande.findFirst({
        where: { usagerId: usager.id, type: TYPE, statut: { in: EN_COURS } },
        select: { numero: true },
      }),
    ]);
    if (famille) throw new AppError("deja_famille", "Votre famille est déjà connue du service Enfance.");
    if (enAttente)
      throw new AppError(
        "en_attente",
        `Votre demande d'ajout de famille N° ${enAttente.numero} est en cours de traitement.`,
      );
    // ON CONFLICT: two first saves at once (two tabs) make one draft, not an error.
    await tx.$executeRaw`
      INSERT INTO "Demande" (id, type, statut, "usagerId", "brouillonUnique", donnees, "updatedAt")
      VALUES (${randomUUID()}, 'AJOUT_FAMILLE', 'BROUILLON', ${usager.id}, ${`${usager.id}:${TYPE}`}, ${JSON.stringify({ titulaire: titulaireDepuisEspace(usager) })}::jsonb, now())
      ON CONFLICT ("brouillonUnique") DO NOTHING`;
    row = await editable();
  }
  return tx.demande.findUniqueOrThrow({ where: { id: row!.id } });
}
