// What one PES file says, before it is written: the bordereau, its pièces (a titre per invoice, a réduction per
// avoir), their lines, debits and tiers. Built by donnees.ts, checked by controle.ts, written by xml.ts.
import type { Jour } from "@/lib/temps/jours";

export type PrelevementPes = {
  /** FRST, RCUR, OOFF, FNAL */
  sequence: string;
  date: Jour;
  /** the part of the debit on this line */
  montantCentimes: number;
  rum: string;
  dateSignature: Jour;
  libelle: string;
};

export type LignePes = {
  objet: string;
  montantCentimes: number;
  prelevement: PrelevementPes | null;
};

export type TiersPes = {
  civilite: "M" | "MME" | null;
  nom: string;
  prenom: string;
  adresse: string;
  codePostal: string;
  ville: string;
  /** the debited account (decrypted for the file only) */
  compte: { iban: string; bic: string | null; titulaire: string } | null;
};

export type PiecePes = {
  idPce: number;
  /** a titre de réduction (an avoir) rather than a titre de recettes */
  reduction: boolean;
  /** FA-… or AV-… */
  numero: string;
  objet: string;
  /** digits only (the keys are computed on it); null for a réduction */
  numDette: string | null;
  montantCentimes: number;
  lignes: LignePes[];
  tiers: TiersPes;
  /** the titre a réduction reduces, when it was sent */
  rattachement: { exer: number; idPce: number } | null;
};

export type BordereauModele = {
  parametres: {
    idPost: string;
    siret: string;
    codCol: string;
    codBud: string;
    typBord: string;
    typPce: string;
    natPce: string;
    nature: string;
    codProdLoc: string;
  };
  nomFichier: string;
  /** Enveloppe/Emetteur: the commune (Sigle) and its service (Adresse) */
  emetteur: { sigle: string; adresse: string };
  exer: number;
  idBord: number;
  /** the day the bordereau was made: DteStr, DteBordEm, DteAsp */
  date: Jour;
  /** first day of the invoiced month */
  mois: Jour;
  objet: string;
  pieces: PiecePes[];
};

/** The réduction's codes: an annulation-réduction title of the same nature as the titre it reduces. */
export const TYPPCE_REDUCTION = "03";

/** Per: one character of the period, as the peers write it (the month's first digit). */
export const periode = (mois: Jour) => String(Number(mois.slice(5, 7))).slice(0, 1);

/** MtBordHt: the sum of the pièces' amounts. */
export const totalBordereau = (pieces: PiecePes[]) => pieces.reduce((s, p) => s + p.montantCentimes, 0);
