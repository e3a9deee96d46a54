// What a new inscription takes from what the family already gave, so the second one is shorter: the
// permissions and habilitations of the child's latest inscription (the parent may change them; the attestations
// are checked again each time), and the documents still valid for the year attached to the matching pieces.
import type { Tx } from "@/lib/db";
import { demandesDuFoyer, piecesDuFoyer, type Foyer } from "@/lib/domain/inscription/foyer";
import { lireDonnees, type DonneesInscription } from "@/lib/domain/inscription/regles";
import type { TypePiece } from "@/lib/generated/prisma/enums";

/** A document is reused for a year when it was sent from six months before the year begins (its enrolment season). */
export function debutValidite(dateDebutAnnee: Date): Date {
  const debut = new Date(dateDebutAnnee);
  debut.setUTCMonth(debut.getUTCMonth() - 6);
  return debut;
}

/** The answers of the child's latest inscription in this foyer, for the contacts it still has. */
export async function reponsesPrecedentes(
  tx: Tx,
  { foyer, enfantId, contacts }: { foyer: Foyer; enfantId: string; contacts: string[] },
): Promise<Pick<DonneesInscription, "permissions" | "habilitations">> {
  const precedente = await tx.demande.findFirst({
    where: {
      type: "INSCRIPTION",
      numero: { not: null },
      statut: { notIn: ["ANNULEE", "REFUSEE"] },
      AND: [demandesDuFoyer(foyer), { donnees: { path: ["enfantId"], equals: enfantId } }],
    },
    orderBy: { deposeeAt: "desc" },
    select: { donnees: true },
  });
  const donnees = precedente ? lireDonnees(precedente.donnees) : null;
  if (!donnees) return { permissions: {}, habilitations: {} };
  return {
    permissions: donnees.permissions,
    habilitations: Object.fromEntries(Object.entries(donnees.habilitations).filter(([id]) => contacts.includes(id))),
  };
}

/** For each type the activity asks, the foyer's latest document of that type still valid for the year. */
export async function piecesDejaFournies(
  tx: Tx,
  {
    foyer,
    usagerId,
    types,
    dateDebutAnnee,
  }: { foyer: Foyer; usagerId: string; types: TypePiece[]; dateDebutAnnee: Date },
): Promise<Record<string, string>> {
  const pieces = await tx.pieceJustificative.findMany({
    where: {
      ...piecesDuFoyer(foyer, usagerId),
      type: { in: types },
      uploadedAt: { gte: debutValidite(dateDebutAnnee) },
    },
    orderBy: { uploadedAt: "desc" },
    select: { id: true, type: true },
  });
  const parType: Record<string, string> = {};
  for (const piece of pieces) parType[piece.type] ??= piece.id;
  return parType;
}
