// The columns an invoice, an avoir and their lines are written with in bulk (lib/inserer.ts): one list each, so
// the month's run, an avoir de régularisation and the benches' data write the same rows.
import type { TypeColonne } from "@/lib/inserer";

/** A numbered piece of a family's account: its series, year and gap-free sequence (lib/argent/numerotation.ts). */
const COLONNES_NUMEROTEES = {
  id: "text",
  numero: "text",
  serie: "text",
  annee: "int",
  sequence: "int",
  familleId: "text",
} as const satisfies Record<string, TypeColonne>;

export const COLONNES_FACTURE = {
  ...COLONNES_NUMEROTEES,
  periodeDebut: "date",
  periodeFin: "date",
  emiseLe: "date",
  echeanceLe: "date",
  totalCentimes: "int",
  quotient: "int",
  qfNonCommunique: "boolean",
  destinataire: "text",
  adresse: "text",
  runId: "text",
} as const satisfies Record<string, TypeColonne>;

/** An avoir (parAgentId: the agent who issued it, null for the month's run). */
export const COLONNES_AVOIR = {
  ...COLONNES_NUMEROTEES,
  montantCentimes: "int",
  motif: "text",
  emisLe: "date",
  parAgentId: "text",
  creeLe: "timestamp",
} as const satisfies Record<string, TypeColonne>;

/** What a LigneFacture and a LigneAvoir share: a child × unit × price over its days. */
const COLONNES_LIGNE = {
  enfantId: "text",
  activiteId: "int",
  uniteId: "int",
  enfantNom: "text",
  libelle: "text",
  mois: "date",
  quantite: "int",
  prixUnitaireCentimes: "int",
  montantCentimes: "int",
  quotient: "int",
  ordre: "int",
  jours: "date[]",
  regularisation: "text",
} as const satisfies Record<string, TypeColonne>;

export const COLONNES_LIGNE_FACTURE = { id: "text", factureId: "text", ...COLONNES_LIGNE } as const;
export const COLONNES_LIGNE_AVOIR = { id: "text", avoirId: "text", ...COLONNES_LIGNE } as const;
