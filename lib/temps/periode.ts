// Months as billing says them: "octobre 2026", the last day of a month, a @db.Date as "31/10/2026".
import { ajouterJours, jourDeDate, MOIS, type Jour } from "@/lib/temps/jours";

/** "octobre 2026" for the first day of a month. */
export const moisEnClair = (mois: Jour) => `${MOIS[Number(mois.slice(5, 7)) - 1]} ${mois.slice(0, 4)}`;

export const finDuMois = (mois: Jour): Jour => {
  const [a, m] = mois.split("-").map(Number);
  return ajouterJours(`${m === 12 ? a! + 1 : a}-${String(m === 12 ? 1 : m! + 1).padStart(2, "0")}-01`, -1);
};

/** A @db.Date column's day, the French way. */
export const dateFr = (date: Date) => jourDeDate(date).split("-").reverse().join("/");
