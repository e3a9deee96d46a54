// Calendar days ("2026-09-07") and their arithmetic and words, on UTC midnights: no time zone, no holiday
// table, nothing but the language, so the browser's calendars (the booking grids, their drafts) carry only this.
// What needs Europe/Paris or the public holidays is lib/temps/jours.ts, which re-exports all of this.
/** A calendar day, YYYY-MM-DD. */
export type Jour = string;

const JOUR = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_JOUR = 86_400_000;

export function versUtc(jour: Jour): number {
  const m = JOUR.exec(jour);
  if (!m) throw new Error(`jour invalide : ${jour}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export const estJour = (texte: string): texte is Jour => {
  if (!JOUR.test(texte)) return false;
  return new Date(versUtc(texte)).toISOString().slice(0, 10) === texte;
};

export const ajouterJours = (jour: Jour, n: number): Jour =>
  new Date(versUtc(jour) + n * MS_JOUR).toISOString().slice(0, 10);

export const ecartJours = (de: Jour, a: Jour): number => Math.round((versUtc(a) - versUtc(de)) / MS_JOUR);

/** ISO weekday: 1 = lundi … 7 = dimanche. */
export const jourSemaine = (jour: Jour): number => ((new Date(versUtc(jour)).getUTCDay() + 6) % 7) + 1;

/** ISO week number, for "une semaine sur deux" and even or odd weeks. */
export function semaineIso(jour: Jour): number {
  const jeudi = ajouterJours(jour, 4 - jourSemaine(jour));
  const premierJanvier = `${jeudi.slice(0, 4)}-01-01`;
  return Math.floor(ecartJours(premierJanvier, jeudi) / 7) + 1;
}

/** A @db.Date column's value (Prisma reads it as UTC midnight) and back. */
export const jourDeDate = (date: Date): Jour => date.toISOString().slice(0, 10);
export const dateDeJour = (jour: Jour): Date => new Date(versUtc(jour));

const NOMS_JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
export const nomJour = (isoJour: number): string => NOMS_JOURS[isoJour - 1]!;

export const MOIS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

/** "jeudi 3 septembre", as the calendar and its locks say a day. */
export function jourEnClair(jour: Jour): string {
  const d = new Date(versUtc(jour));
  const mois = MOIS[d.getUTCMonth()];
  const quantieme = d.getUTCDate() === 1 ? "1er" : String(d.getUTCDate());
  return `${nomJour(jourSemaine(jour))} ${quantieme} ${mois}`;
}

const JOURS_COURTS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
const MOIS_COURTS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

/**
 * "lun. 2, mar. 3, jeu. 5 nov.": the days an invoice line bills, as a parent checks them against a calendar; the
 * month is written after its last day ("lun. 30 nov., mar. 1er déc.").
 */
export function joursEnClair(jours: Jour[]): string {
  const tries = [...new Set(jours)].sort();
  return tries
    .map((jour, i) => {
      const quantieme = Number(jour.slice(8, 10));
      const texte = `${JOURS_COURTS[jourSemaine(jour) - 1]} ${quantieme === 1 ? "1er" : quantieme}`;
      const suivant = tries[i + 1];
      return suivant?.slice(0, 7) === jour.slice(0, 7)
        ? texte
        : `${texte} ${MOIS_COURTS[Number(jour.slice(5, 7)) - 1]}`;
    })
    .join(", ");
}
