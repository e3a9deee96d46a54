// Which booking window governs a day of a save, read once per save (not per day): the windows of the activity,
// not cancelled, whose period meets the save's days, with their units. A window governs a day of one of its units
// in [debut, fin] only where the day has a capacity: without one there is nothing to share, and the day is booked
// first come as before. What it means for the parent's booking of that day is `regleDuJour`.
import type { Tx } from "@/lib/db";
import { formatParis, jourEnLettres } from "@/lib/temps/dates";
import { jourDeDate, jourParis, type Jour } from "@/lib/temps/jours";
import type { StatutFenetre } from "@/lib/generated/prisma/enums";

export type FenetreDuJour = {
  id: number;
  libelle: string;
  debut: Jour;
  fin: Jour;
  ouverture: Date;
  fermeture: Date;
  statut: StatutFenetre;
  unites: number[];
};

/** The windows of an activity that meet [du, au] (calendar days), allocated ones included; not the cancelled. */
export async function fenetresDesJours(
  tx: Tx,
  { activiteId, du, au }: { activiteId: number; du: Jour; au: Jour },
): Promise<FenetreDuJour[]> {
  const fenetres = await tx.fenetreReservation.findMany({
    where: { activiteId, statut: { not: "ANNULEE" }, debut: { lte: new Date(au) }, fin: { gte: new Date(du) } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      libelle: true,
      debut: true,
      fin: true,
      ouverture: true,
      fermeture: true,
      statut: true,
      unites: { select: { uniteId: true } },
    },
  });
  return fenetres.map((f) => ({
    ...f,
    debut: jourDeDate(f.debut),
    fin: jourDeDate(f.fin),
    unites: f.unites.map((u) => u.uniteId),
  }));
}

/** The window (not cancelled) governing a unit's day, if any: the first one created wins an overlap. */
export const fenetreDuJour = (fenetres: readonly FenetreDuJour[], uniteId: number, date: Jour) =>
  fenetres.find((f) => f.unites.includes(uniteId) && f.debut <= date && date <= f.fin);

/**
 * What a window means for booking (or withdrawing) a day it governs, at `now`:
 * - `demande`: it collects requests (ouverture ≤ now < fermeture): the booking is a request, allocated at the close;
 * - `refus`: not open yet, or closed and not allocated yet (the reason, in French);
 * - `libre`: allocated: first come within the capacity, as a day without a window.
 */
export type RegleJour = { type: "demande" } | { type: "refus"; raison: string } | { type: "libre" };

export function regleDuJour(fenetre: FenetreDuJour | undefined, now: Date): RegleJour {
  if (!fenetre || fenetre.statut !== "COLLECTE") return { type: "libre" };
  if (now < fenetre.ouverture) return { type: "refus", raison: messageOuverture(fenetre) };
  if (now >= fenetre.fermeture) return { type: "refus", raison: RAISON_ATTRIBUTION };
  return { type: "demande" };
}

export const RAISON_ATTRIBUTION = "Attribution des places en cours.";

/** « 8 h 30 », « 8 h »: an hour as a notice says it. */
const heure = (instant: Date) => {
  const [h, m] = formatParis(instant, "H:mm").split(":");
  return m === "00" ? `${h} h` : `${h} h ${m}`;
};

/** « 1er juin », the year left out. */
const jourCourt = (instant: Date) => jourEnLettres(instant).replace(/ \d{4}$/, "");

/**
 * « Réservations ouvertes du 1er juin à 8 h 30 au 15 juin. »: a close at midnight (Paris) is the end of the day
 * before, said without an hour; any other close says its hour.
 */
export function messageOuverture(f: Pick<FenetreDuJour, "ouverture" | "fermeture">): string {
  const minuit = formatParis(f.fermeture, "HH:mm") === "00:00";
  const veille = new Date(f.fermeture.getTime() - 1);
  const fin = minuit
    ? jourCourt(new Date(`${jourParis(veille)}T12:00:00Z`))
    : `${jourCourt(f.fermeture)} à ${heure(f.fermeture)}`;
  return `Réservations ouvertes du ${jourCourt(f.ouverture)} à ${heure(f.ouverture)} au ${fin}.`;
}
