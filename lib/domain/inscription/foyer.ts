// Whom an inscription is for: the family the agents accepted, or, before that, the Ajout de famille the parent
// deposited (the seed's "Inscrire" tab right after the declaration). A waiting inscription names the declared
// children and contacts by their ids in the declaration; accepting the family carries it over to the new
// Enfants and Contacts (attente.ts), refusing the family cancels it.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lireBrouillon } from "@/lib/domain/famille/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Foyer = { familleId: string; ajoutFamilleId: null } | { familleId: null; ajoutFamilleId: string };

/** The states of an Ajout de famille its inscriptions may wait on. */
export const AJOUT_EN_ATTENTE = ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"] as const;

export const sansFamille = () =>
  new AppError("sans_famille", "Déclarez d'abord votre famille : les inscriptions se font pour ses enfants.");

/** The parent's accepted family, else their deposited Ajout de famille still waiting; null when neither. */
export async function foyerDuParentOuNull(client: Tx, usagerId: string): Promise<Foyer | null> {
  const representant = await client.representant.findFirst({ where: { usagerId }, select: { familleId: true } });
  if (representant) return { familleId: representant.familleId, ajoutFamilleId: null };
  const ajout = await client.demande.findFirst({
    where: { usagerId, type: "AJOUT_FAMILLE", statut: { in: [...AJOUT_EN_ATTENTE] } },
    orderBy: { deposeeAt: "desc" },
    select: { id: true },
  });
  return ajout ? { familleId: null, ajoutFamilleId: ajout.id } : null;
}

export async function foyerDuParent(client: Tx, usagerId: string): Promise<Foyer> {
  const foyer = await foyerDuParentOuNull(client, usagerId);
  if (!foyer) throw sansFamille();
  return foyer;
}

/** The foyer an inscription demande belongs to: its family once set, else the declaration it waits on. */
export function foyerDeLaDemande(
  demande: { familleId: string | null },
  donnees: { ajoutFamilleId: string | null },
): Foyer | null {
  if (demande.familleId) return { familleId: demande.familleId, ajoutFamilleId: null };
  return donnees.ajoutFamilleId ? { familleId: null, ajoutFamilleId: donnees.ajoutFamilleId } : null;
}

/** The INSCRIPTION demandes of this foyer, as a condition to AND with others (a waiting one has no family yet). */
export function demandesDuFoyer(foyer: Foyer): Prisma.DemandeWhereInput {
  return foyer.familleId !== null
    ? { familleId: foyer.familleId }
    : { familleId: null, donnees: { path: ["ajoutFamilleId"], equals: foyer.ajoutFamilleId } };
}

/** The pièces a foyer may use: its family's, or those its parent sent while the family waited. */
export function piecesDuFoyer(foyer: Foyer, usagerId: string): Prisma.PieceJustificativeWhereInput {
  return foyer.familleId ? { familleId: foyer.familleId } : { familleId: null, usagerId };
}

async function declaration(client: Tx, ajoutFamilleId: string) {
  const demande = await client.demande.findUnique({ where: { id: ajoutFamilleId }, select: { donnees: true } });
  return lireBrouillon(demande?.donnees);
}

export type EnfantDuFoyer = { id: string; prenoms: string; nom: string };

/** The children an inscription may be for, eldest first. */
export async function enfantsDuFoyer(client: Tx, foyer: Foyer): Promise<EnfantDuFoyer[]> {
  if (foyer.familleId !== null) {
    const liens = await client.familleEnfant.findMany({
      where: { familleId: foyer.familleId },
      select: { enfant: { select: { id: true, prenoms: true, nom: true } } },
      orderBy: { enfant: { dateNaissance: "asc" } },
    });
    return liens.map((lien) => lien.enfant);
  }
  const { enfants } = await declaration(client, foyer.ajoutFamilleId);
  return [...enfants]
    .sort((a, b) => (a.dateNaissance ?? "").localeCompare(b.dateNaissance ?? ""))
    .map((enfant) => ({ id: enfant.id, prenoms: enfant.prenoms ?? "", nom: enfant.nom ?? "" }));
}

/** The contacts the habilitations are asked for. */
export async function contactsDuFoyer(
  client: Tx,
  foyer: Foyer,
): Promise<{ id: string; prenom: string; nom: string }[]> {
  if (foyer.familleId !== null) {
    return client.contact.findMany({
      where: { familleId: foyer.familleId },
      select: { id: true, prenom: true, nom: true },
      orderBy: { nom: "asc" },
    });
  }
  const { contacts } = await declaration(client, foyer.ajoutFamilleId);
  return contacts
    .map((contact) => ({ id: contact.id, prenom: contact.prenom ?? "", nom: contact.nom ?? "" }))
    .sort((a, b) => a.nom.localeCompare(b.nom));
}
