// The booking and cancelling deadlines of an activity, as data (Activite.delaiReservation / delaiAnnulation),
// in the grammar communes write them: "Jour J-1 à 18:00", "J-2 ouvrés", "vendredi précédent à 11:00",
// "jeudi de la semaine précédente à 12:00", "le 20 du mois précédent à 12:00", and for cancelling "jamais".
// Evaluated on the server, in Europe/Paris whatever the server's zone; the cutoff minute itself is still
// allowed (a day closing at 12:00 is refused from 12:01).
import { z } from "zod";
import {
  ajouterJours,
  ecartJours,
  instantParis,
  jourEnClair,
  jourSemaine,
  nomJour,
  ouvre,
  type Jour,
} from "@/lib/temps/jours";

const heure = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Indiquez une heure au format HH:MM.");
const joursemaine = z.number().int().min(1).max(7);

export const delaiSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("J_MOINS"), n: z.number().int().min(0).max(60), ouvres: z.boolean(), heure }),
  z.object({ type: z.literal("JOUR_PRECEDENT"), jour: joursemaine, heure }),
  z.object({ type: z.literal("JOUR_SEMAINE_PRECEDENTE"), jour: joursemaine, heure }),
  z.object({ type: z.literal("JOUR_MOIS_PRECEDENT"), n: z.number().int().min(1).max(31), heure }),
  z.object({ type: z.literal("JAMAIS") }),
]);
export type Delai = z.infer<typeof delaiSchema>;

/** A deadline stored in the database, or null when none is set (then nothing can be booked). */
export function lireDelai(valeur: unknown): Delai | null {
  const lu = delaiSchema.safeParse(valeur);
  return lu.success ? lu.data : null;
}

/** The last day and hour a service day may still be changed, or null when it never may ("jamais"). */
export function echeance(delai: Delai, service: Jour): { jour: Jour; heure: string } | null {
  switch (delai.type) {
    case "JAMAIS":
      return null;
    case "J_MOINS": {
      if (!delai.ouvres) return { jour: ajouterJours(service, -delai.n), heure: delai.heure };
      let jour = service;
      for (let compte = 0; compte < delai.n; compte++) {
        do jour = ajouterJours(jour, -1);
        while (!ouvre(jour));
      }
      return { jour, heure: delai.heure };
    }
    case "JOUR_PRECEDENT": {
      // the last such weekday strictly before the service day
      const recul = (jourSemaine(service) - delai.jour + 7) % 7 || 7;
      return { jour: ajouterJours(service, -recul), heure: delai.heure };
    }
    case "JOUR_SEMAINE_PRECEDENTE": {
      const lundiPrecedent = ajouterJours(service, -(jourSemaine(service) - 1) - 7);
      return { jour: ajouterJours(lundiPrecedent, delai.jour - 1), heure: delai.heure };
    }
    case "JOUR_MOIS_PRECEDENT": {
      const [annee, mois] = service.split("-").map(Number) as [number, number];
      const precedent = mois === 1 ? { annee: annee - 1, mois: 12 } : { annee, mois: mois - 1 };
      // "le 31 du mois précédent" in a month of 30 days is its last day
      const dernier = new Date(Date.UTC(precedent.annee, precedent.mois, 0)).getUTCDate();
      const quantieme = Math.min(delai.n, dernier);
      return {
        jour: `${precedent.annee}-${String(precedent.mois).padStart(2, "0")}-${String(quantieme).padStart(2, "0")}`,
        heure: delai.heure,
      };
    }
  }
}

/** The first instant a change is refused: the minute after the cutoff. Null: never refused… or never allowed. */
export function limite(delai: Delai, service: Jour): Date | null {
  const e = echeance(delai, service);
  return e ? new Date(instantParis(e.jour, e.heure).getTime() + 60_000) : null;
}

/** May a service day still be changed under this deadline at `now`? "jamais" never allows it. */
export function dansLeDelai(delai: Delai, service: Jour, now: Date): boolean {
  const fin = limite(delai, service);
  return fin !== null && now.getTime() < fin.getTime();
}

/**
 * The first service day from `du` to `au` (both included) that may still change at `now`, or null when none
 * may. Under every rule a later service day never has an earlier cutoff (echeance is nondecreasing in the
 * day), so the days still open are exactly those from this one on: the month view finds it by bisection, in
 * a dozen evaluations rather than one per day of the school year (each cutoff goes through Europe/Paris).
 */
export function premierJourDansLeDelai(delai: Delai, du: Jour, au: Jour, now: Date): Jour | null {
  if (au < du || !dansLeDelai(delai, au, now)) return null;
  let bas = 0;
  let haut = ecartJours(du, au);
  while (bas < haut) {
    const milieu = Math.floor((bas + haut) / 2);
    if (dansLeDelai(delai, ajouterJours(du, milieu), now)) haut = milieu;
    else bas = milieu + 1;
  }
  return ajouterJours(du, bas);
}

/** "Modifiable jusqu'au jeudi 3 septembre à 12:00", shown on a day still open. */
export function modifiableJusquau(delai: Delai, service: Jour): string | null {
  const e = echeance(delai, service);
  return e ? `Modifiable jusqu'au ${jourEnClair(e.jour)} à ${e.heure}` : null;
}

/** The rule in words, for the console and the legend. */
export function libelleDelai(delai: Delai): string {
  switch (delai.type) {
    case "JAMAIS":
      return "jamais";
    case "J_MOINS":
      return `Jour J-${delai.n}${delai.ouvres ? " ouvrés" : ""} à ${delai.heure}`;
    case "JOUR_PRECEDENT":
      return `${nomJour(delai.jour)} précédent à ${delai.heure}`;
    case "JOUR_SEMAINE_PRECEDENTE":
      return `${nomJour(delai.jour)} de la semaine précédente à ${delai.heure}`;
    case "JOUR_MOIS_PRECEDENT":
      return `le ${delai.n === 1 ? "1er" : delai.n} du mois précédent à ${delai.heure}`;
  }
}
