// A booking window's dates as a notice writes them: « du 1er septembre au 30 juin », « du 1er juin à 8 h 30 au
// 15 juin à 18 h », in Europe/Paris. Shared by the parent's banner, the public page and the console.
import { formatParis } from "@/lib/temps/dates";
import { dateDeJour, MOIS, type Jour } from "@/lib/temps/jours";

/** « 1er septembre » (the year too when asked: « 1er septembre 2026 »). */
export function jourCourt(jour: Jour, annee = false): string {
  const d = dateDeJour(jour);
  const quantieme = d.getUTCDate() === 1 ? "1er" : String(d.getUTCDate());
  return `${quantieme} ${MOIS[d.getUTCMonth()]}${annee ? ` ${d.getUTCFullYear()}` : ""}`;
}

/** « 8 h 30 », « 18 h », as a Paris wall clock reads the instant. */
export function heureCourte(instant: Date): string {
  const minutes = formatParis(instant, "mm");
  return `${formatParis(instant, "H")} h${minutes === "00" ? "" : ` ${minutes}`}`;
}

/** « 1er juin à 8 h 30 » (with the year when asked). */
export const instantCourt = (instant: Date, annee = false): string =>
  `${jourCourt(formatParis(instant, "yyyy-MM-dd"), annee)} à ${heureCourte(instant)}`;

/** « du 1er septembre au 30 juin »: the days of service a window covers. */
export const joursDeLaFenetre = (f: { debut: Jour; fin: Jour }, annee = false): string =>
  f.debut === f.fin
    ? `le ${jourCourt(f.debut, annee)}`
    : `du ${jourCourt(f.debut, annee)} au ${jourCourt(f.fin, annee)}`;

/** « du 1er juin à 8 h 30 au 15 juin à 18 h »: when its requests are collected. */
export const collecteDeLaFenetre = (f: { ouverture: Date; fermeture: Date }, annee = false): string =>
  `du ${instantCourt(f.ouverture, annee)} au ${instantCourt(f.fermeture, annee)}`;

/** « le 15 juin après 18 h »: when the places are allocated (at the close). */
export const attributionDeLaFenetre = (f: { fermeture: Date }, annee = false): string =>
  `le ${jourCourt(formatParis(f.fermeture, "yyyy-MM-dd"), annee)} après ${heureCourte(f.fermeture)}`;
