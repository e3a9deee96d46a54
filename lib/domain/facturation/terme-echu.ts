// « Facturation à terme échu »: a month is invoiced once it is over, so an invoice bills only days that have
// happened (a day still to come may yet be cancelled, justified or not run). The month is over in Europe/Paris
// when its last day is before today; the launch, the simulation and facturerMois all ask here first, before
// anything is read, written or mailed.
import { AppError } from "@/lib/errors";
import { finDuMois, moisEnClair } from "@/lib/temps/periode";
import { ajouterJours, jourParis, type Jour } from "@/lib/temps/jours";
import { de } from "@/lib/texte/elision";

export const MOIS_SAISI = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first day of a month typed "2026-11", once it has ended by `now`; refused in French beside the field. */
export function moisTermine(mois: string, now: Date): Jour {
  if (!MOIS_SAISI.test(mois)) throw new AppError("MOIS", "Choisissez un mois.", "mois");
  const debut = `${mois}-01`;
  const fin = finDuMois(debut);
  if (fin >= jourParis(now)) {
    throw new AppError(
      "MOIS_NON_TERMINE",
      `Le mois ${de(moisEnClair(debut))} n'est pas terminé : il pourra être facturé à partir du 1er ${moisEnClair(ajouterJours(fin, 1))}.`,
      "mois",
    );
  }
  return debut;
}
