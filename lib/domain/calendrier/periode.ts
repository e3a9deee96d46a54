// The booking period of a school year: open from AnneeScolaire.ouvertureReservations at 00:00 in Paris (the
// 1st of August), read-only from its optional lectureSeuleLe. The one rule Mon accueil, /activites, the
// inscription's confirmation and the save itself read.
import { jourEnLettres } from "@/lib/temps/dates";
import { instantParis, jourDeDate, jourParis } from "@/lib/temps/jours";

type Annee = { ouvertureReservations: Date; lectureSeuleLe: Date | null };

/** The instant bookings open: midnight of the opening day in Paris. */
export const ouverture = (annee: Pick<Annee, "ouvertureReservations">): Date =>
  instantParis(jourDeDate(annee.ouvertureReservations), "00:00");

export const reservationsOuvertes = (annee: Pick<Annee, "ouvertureReservations">, now: Date): boolean =>
  now.getTime() >= ouverture(annee).getTime();

/** Open, and not yet read-only: a parent may change days (each still under its deadline). */
export function periodeOuverte(annee: Annee, now: Date): boolean {
  if (!reservationsOuvertes(annee, now)) return false;
  return !annee.lectureSeuleLe || jourParis(now) < jourDeDate(annee.lectureSeuleLe);
}

/** "1er août 2027", with its year. */
export const ouvertureEnLettres = (annee: Pick<Annee, "ouvertureReservations">): string =>
  jourEnLettres(ouverture(annee));

/**
 * The opening in a sentence, by the clock: « à partir du 1er août 2027 » (with its year) before it, « les
 * réservations sont ouvertes » on or after it (never a date already past, shown in December).
 */
export const ouvertureDansLaPhrase = (annee: Pick<Annee, "ouvertureReservations">, now: Date): string =>
  reservationsOuvertes(annee, now) ? "les réservations sont ouvertes" : `à partir du ${ouvertureEnLettres(annee)}`;

export const messagePeriode = (annee: Annee, now: Date): string =>
  reservationsOuvertes(annee, now)
    ? "Les réservations de cette année scolaire ne sont plus modifiables depuis le portail."
    : `Les réservations seront ouvertes ${ouvertureDansLaPhrase(annee, now)}`;
