// Dates of service are calendar days ("2026-09-07"), never instants: a day is a day wherever the server runs.
// Their arithmetic is done on UTC midnights, which have no daylight saving; only a cutoff hour becomes an
// instant, through Europe/Paris (instantParis).
import { TZDate } from "@date-fns/tz";
import joursFeriesDeLAnnee from "@socialgouv/jours-feries";
import { formatParis } from "@/lib/temps/dates";

import { jourSemaine, versUtc, type Jour } from "@/lib/temps/jours-calcul";

export * from "@/lib/temps/jours-calcul";

/** Today's calendar day in Europe/Paris. */
export const jourParis = (instant: Date): Jour => formatParis(instant, "yyyy-MM-dd");

/** The instant a Paris wall-clock time happens ("12:00" on a day), whatever the server's zone. */
export function instantParis(jour: Jour, heure: string): Date {
  const [h, min] = heure.split(":").map(Number);
  const d = new Date(versUtc(jour));
  return new Date(new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), h!, min!, "Europe/Paris").getTime());
}

const feries = new Map<number, Map<Jour, string>>();

/**
 * The public holidays of a year, by calendar day. @socialgouv/jours-feries builds its dates at local midnight
 * of the process and adds days as 24 h, so an Ascension may land at 01:00 or at 23:00 the day before: the
 * nearest local midnight is the day it means.
 */
export function joursFeries(annee: number): Map<Jour, string> {
  let jours = feries.get(annee);
  if (!jours) {
    jours = new Map();
    for (const [nom, date] of Object.entries(joursFeriesDeLAnnee(annee))) {
      const midi = new Date(date.getTime() + 12 * 3_600_000);
      const local = new Date(midi.getFullYear(), midi.getMonth(), midi.getDate());
      jours.set(
        `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`,
        nom,
      );
    }
    feries.set(annee, jours);
  }
  return jours;
}

export const ferie = (jour: Jour): string | undefined => joursFeries(Number(jour.slice(0, 4))).get(jour);

/** Not a Saturday, a Sunday nor a public holiday. */
export const ouvre = (jour: Jour): boolean => jourSemaine(jour) <= 5 && !ferie(jour);
