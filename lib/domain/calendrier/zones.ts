// The school holidays' zones of the official dataset fr-en-calendrier-scolaire (its `zones` field): the three
// metropolitan zones, Corse and the overseas académies, each with its own calendar. A commune has one
// (Commune.zoneScolaire, chosen by an administrator); its holidays are left out of the opening days. Pure: the
// console's form lists them too.
import { z } from "zod";

/** As the dataset spells them; the demo's Villefranque (académie de Bordeaux) is in zone A. */
export const ZONES_SCOLAIRES = [
  "Zone A",
  "Zone B",
  "Zone C",
  "Corse",
  "Guadeloupe",
  "Guyane",
  "Martinique",
  "Mayotte",
  "Réunion",
  "Nouvelle Calédonie",
  "Polynésie",
  "Saint Pierre et Miquelon",
  "Wallis et Futuna",
] as const;
export type ZoneScolaire = (typeof ZONES_SCOLAIRES)[number];

/** Exports differ in accents, hyphens and articles ("La Réunion", "Saint-Pierre-et-Miquelon"): compared bare. */
const nu = (zone: string) =>
  zone
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[-'’\s]+/g, " ")
    .replace(/^la /, "")
    .trim();
const PAR_NOM = new Map<string, ZoneScolaire>(ZONES_SCOLAIRES.map((z) => [nu(z), z]));

/** The zone a row of the dataset names, or null for one we do not know. */
export function zoneDuJeu(valeur: string): ZoneScolaire | null {
  return PAR_NOM.get(nu(valeur)) ?? null;
}

export const zoneSchema = z.object({
  zoneScolaire: z.enum(ZONES_SCOLAIRES, { message: "Choisissez la zone de vacances scolaires de la commune." }),
});
