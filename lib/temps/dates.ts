// Dates as the commune reads them: French, in Europe/Paris whatever the server's zone.
import { format } from "date-fns/format";
import { fr } from "date-fns/locale/fr";
import { tz, TZDate } from "@date-fns/tz";

const PARIS = tz("Europe/Paris");

export function formatParis(date: Date, pattern: string): string {
  return format(date, pattern, { locale: fr, in: PARIS });
}

/** "02/07/2024 à 16:21", as the seed's "Dernière connexion le …". */
export const dateHeure = (date: Date) => formatParis(date, "dd/MM/yyyy 'à' HH:mm");

/** The instant a calendar day (YYYY-MM-DD, as an <input type="date"> sends it) begins in Europe/Paris, or null. */
export function debutDuJourParis(isoDay: string, joursEnPlus = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return null;
  const [annee, mois, jour] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new TZDate(annee, mois - 1, jour + joursEnPlus, "Europe/Paris");
  return Number.isNaN(date.getTime()) || (joursEnPlus === 0 && date.getDate() !== jour)
    ? null
    : new Date(date.getTime());
}

/** "1er août 2027", "15 septembre 2027": a day in words, as a notice writes it. */
export function jourEnLettres(date: Date): string {
  const jour = formatParis(date, "d");
  return `${jour === "1" ? "1er" : jour} ${formatParis(date, "MMMM yyyy")}`;
}
