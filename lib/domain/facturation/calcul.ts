// From the billed days of a month to an invoice's lines, pure: one line per child × activity × unit × month ×
// unit price (a QF change mid-month gives two lines when the price changes), each line quantity × the unit
// price rounded once; the total is the sum of the lines.
import { arrondirCentimes, Decimal } from "@/lib/argent/argent";
import { prixExact, type TarifCalcul } from "@/lib/domain/facturation/tarif";
import type { Jour } from "@/lib/temps/jours";

/** Billed days of one family, counted per child, unit, month, QF that applied, and whether the day is majoré. */
export type JoursFactures = {
  enfantId: string;
  uniteId: number;
  anneeId: number;
  mois: Jour;
  quotient: number | null;
  majore: boolean;
  quantite: number;
  /** the last day counted, so the latest QF is the one an invoice shows */
  dernier: Jour;
  /** the days counted, in order (quantite of them) */
  jours: Jour[];
};

export type Ligne = {
  enfantId: string;
  enfantNom: string;
  activiteId: number;
  uniteId: number;
  libelle: string;
  mois: Jour;
  quantite: number;
  prixUnitaireCentimes: number;
  montantCentimes: number;
  quotient: number | null;
  /** the days the line bills, in order: its quantite, or the one day of a régularisation */
  jours: Jour[];
  /** null for a month's days; for a régularisation, why the day changed after its invoice */
  regularisation: string | null;
};

export type TarifFacturation = TarifCalcul & { majorationCentimes: Decimal | null };
export type Referentiel = {
  /** `${uniteId}:${anneeId}` → tarif */
  tarifs: Map<string, TarifFacturation>;
  unites: Map<number, { activiteId: number; libelle: string; ordre: number; activiteOrdre: number }>;
  enfants: Map<string, string>;
};

export const cleTarif = (uniteId: number, anneeId: number) => `${uniteId}:${anneeId}`;

/** Unit prices are computed once per tariff, QF and majoration, however many days use them. */
export function calculateurPrix(tarifs: Map<string, TarifFacturation>) {
  const cache = new Map<string, number>();
  return (uniteId: number, anneeId: number, quotient: number | null, majore: boolean): number => {
    const cle = `${cleTarif(uniteId, anneeId)}:${quotient ?? "-"}:${majore ? 1 : 0}`;
    let prix = cache.get(cle);
    if (prix === undefined) {
      const tarif = tarifs.get(cleTarif(uniteId, anneeId));
      if (!tarif) throw new Error(`tarif manquant ${cleTarif(uniteId, anneeId)}`);
      const exact = prixExact(tarif, quotient);
      prix = arrondirCentimes(majore && tarif.majorationCentimes ? exact.plus(tarif.majorationCentimes) : exact);
      cache.set(cle, prix);
    }
    return prix;
  };
}

export function lignesDeFamille(
  jours: JoursFactures[],
  referentiel: Referentiel,
  prix: ReturnType<typeof calculateurPrix>,
): Ligne[] {
  const groupes = new Map<string, Ligne>();
  const derniers = new Map<string, Jour>();
  for (const j of jours) {
    const unite = referentiel.unites.get(j.uniteId)!;
    const prixUnitaireCentimes = prix(j.uniteId, j.anneeId, j.quotient, j.majore);
    const cle = `${j.enfantId}|${j.uniteId}|${j.mois}|${prixUnitaireCentimes}`;
    const ligne = groupes.get(cle);
    if (ligne) {
      ligne.quantite += j.quantite;
      ligne.jours.push(...j.jours);
      if (j.dernier > derniers.get(cle)!) {
        derniers.set(cle, j.dernier);
        ligne.quotient = j.quotient;
      }
    } else {
      groupes.set(cle, {
        enfantId: j.enfantId,
        enfantNom: referentiel.enfants.get(j.enfantId) ?? "",
        activiteId: unite.activiteId,
        uniteId: j.uniteId,
        libelle: unite.libelle,
        mois: j.mois,
        quantite: j.quantite,
        prixUnitaireCentimes,
        montantCentimes: 0,
        quotient: j.quotient,
        jours: [...j.jours],
        regularisation: null,
      });
      derniers.set(cle, j.dernier);
    }
  }
  const ordre = (l: Ligne) => referentiel.unites.get(l.uniteId)!;
  return [...groupes.values()]
    .map((l) => ({ ...l, jours: l.jours.sort(), montantCentimes: l.quantite * l.prixUnitaireCentimes }))
    .sort(
      (a, b) =>
        a.enfantNom.localeCompare(b.enfantNom, "fr") ||
        a.enfantId.localeCompare(b.enfantId) ||
        ordre(a).activiteOrdre - ordre(b).activiteOrdre ||
        a.activiteId - b.activiteId ||
        ordre(a).ordre - ordre(b).ordre ||
        a.uniteId - b.uniteId ||
        a.mois.localeCompare(b.mois) ||
        a.prixUnitaireCentimes - b.prixUnitaireCentimes,
    );
}

export const totalDesLignes = (lignes: Pick<Ligne, "montantCentimes">[]) =>
  lignes.reduce((somme, l) => somme + l.montantCentimes, 0);

/** The QF an invoice shows: the one of the latest billed day (null: not given, billed at the highest bracket). */
export function quotientAffiche(jours: JoursFactures[]): number | null {
  let dernier: JoursFactures | null = null;
  for (const j of jours) if (!dernier || j.dernier > dernier.dernier) dernier = j;
  return dernier?.quotient ?? null;
}
