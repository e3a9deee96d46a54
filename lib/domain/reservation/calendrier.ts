// Which days a unit runs: the activity's weekdays, minus public holidays, the school holidays of the commune's
// zone and the commune's own closures. Pure: the console previews a generation before saving it, and the
// calendar says why a day is closed with the same answer.
import { z } from "zod";
import { ajouterJours, estJour, ferie, jourParis, jourSemaine, type Jour } from "@/lib/domain/reservation/jours";

/** School holidays: no service from `debut` (the first day without class) until the day before `fin`. */
export type Vacances = { description: string; debut: Jour; fin: Jour };
export type FermetureJour = { date: Jour; libelle: string };

/** Why a day has no service, or null when it has (before the weekday rule). */
export function raisonFermeture(jour: Jour, vacances: Vacances[], fermetures: FermetureJour[]): string | null {
  const fermeture = fermetures.find((f) => f.date === jour);
  if (fermeture) return fermeture.libelle;
  const periode = vacances.find((v) => v.debut <= jour && jour < v.fin);
  if (periode) return periode.description;
  return ferie(jour) ? "Férié" : null;
}

export type Generation = { ouverts: Jour[]; exclus: { jour: Jour; raison: string }[] };

/** The opening days between two days (both included), with the weekdays that were left out and why. */
export function genererJours({
  debut,
  fin,
  joursSemaine,
  vacances,
  fermetures,
}: {
  debut: Jour;
  fin: Jour;
  joursSemaine: number[];
  vacances: Vacances[];
  fermetures: FermetureJour[];
}): Generation {
  const generation: Generation = { ouverts: [], exclus: [] };
  for (let jour = debut; jour <= fin; jour = ajouterJours(jour, 1)) {
    if (!joursSemaine.includes(jourSemaine(jour))) continue;
    const raison = raisonFermeture(jour, vacances, fermetures);
    if (raison) generation.exclus.push({ jour, raison });
    else generation.ouverts.push(jour);
  }
  return generation;
}

// ——— The official dataset fr-en-calendrier-scolaire (data.education.gouv.fr), as an admin imports it ———

const ligneSchema = z.object({
  description: z.string(),
  population: z.string().optional().nullable(),
  start_date: z.string(),
  end_date: z.string(),
  zones: z.string(),
  annee_scolaire: z.string(),
});

/**
 * Some exports give "2025-10-18", others the Paris midnight as a UTC instant ("2025-10-17T22:00:00+00:00"):
 * both mean the Paris calendar day.
 */
function jourDuJeu(valeur: string): Jour | null {
  if (estJour(valeur)) return valeur;
  const instant = new Date(valeur);
  return Number.isNaN(instant.getTime()) ? null : jourParis(instant);
}

/**
 * The holidays of one zone in the dataset's JSON export (an array of rows, or of records with their `fields`):
 * rows repeat per académie (kept once per description and start) and teachers-only rows are dropped.
 */
export function lireCalendrierScolaire(
  donnees: unknown,
  zone: string,
): { vacances: (Vacances & { anneeScolaire: string })[]; ignorees: number } {
  const lignes = Array.isArray(donnees) ? donnees : [];
  const vues = new Map<string, Vacances & { anneeScolaire: string }>();
  let ignorees = 0;
  for (const brute of lignes) {
    const lue = ligneSchema.safeParse(
      brute && typeof brute === "object" && "fields" in brute ? (brute as { fields: unknown }).fields : brute,
    );
    if (!lue.success) {
      ignorees++;
      continue;
    }
    const ligne = lue.data;
    if (ligne.zones !== zone || ligne.population === "Enseignants") continue;
    const debut = jourDuJeu(ligne.start_date);
    const fin = jourDuJeu(ligne.end_date);
    if (!debut || !fin || fin < debut) {
      ignorees++;
      continue;
    }
    const description = ligne.description.trim();
    vues.set(`${description}|${debut}`, { description, debut, fin, anneeScolaire: ligne.annee_scolaire });
  }
  return { vacances: [...vues.values()].sort((a, b) => a.debut.localeCompare(b.debut)), ignorees };
}
