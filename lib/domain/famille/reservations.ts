// When "Gérer mes réservations" and "Justifier une absence" open. The seed: « A partir du 1er août, il faudra
// réserver les repas à la cantine et les présences à la garderie » — so the next 1 August. The one place to
// swap for the school year's own date (AnneeScolaire.ouvertureReservations) once that model exists.
import { TZDate } from "@date-fns/tz";
import { formatParis } from "@/lib/dates";

export function ouvertureReservations(aujourdhui = new Date()): Date {
  const annee = Number(formatParis(aujourdhui, "yyyy"));
  const premierAout = (an: number) => new Date(new TZDate(an, 7, 1, "Europe/Paris").getTime());
  return aujourdhui < premierAout(annee) ? premierAout(annee) : premierAout(annee + 1);
}
