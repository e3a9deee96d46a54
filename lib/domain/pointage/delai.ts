// Which days a list may be marked on: today and the days before it, back to the commune's correction window
// (Commune.delaiCorrectionPointageJours, 7 by default), never a day still to come. Calendar days in
// Europe/Paris; "today" is computed by the caller from its clock (jourParis(now)).
import { ecartJours, jourEnClair, type Jour } from "@/lib/temps/jours";

/** Why this day cannot be marked today, in words, or null when it can. */
export function refusDuJour(date: Jour, aujourdhui: Jour, delaiJours: number): string | null {
  const ecart = ecartJours(date, aujourdhui);
  if (ecart < 0) return `On ne pointe pas un jour à venir : le ${jourEnClair(date)} n'est pas encore arrivé.`;
  if (ecart > delaiJours) {
    const fenetre =
      delaiJours === 0
        ? "seul le jour même peut être pointé"
        : `le pointage se corrige jusqu'à ${delaiJours} jour${delaiJours > 1 ? "s" : ""} après`;
    return `Le pointage du ${jourEnClair(date)} ${date.slice(0, 4)} n'est plus modifiable : ${fenetre}.`;
  }
  return null;
}

/** The instant a mark counts from: when the agent tapped, never later than the server's clock. */
export const instantRetenu = (marqueLe: Date | undefined, now: Date): Date =>
  marqueLe && marqueLe.getTime() < now.getTime() ? marqueLe : now;
