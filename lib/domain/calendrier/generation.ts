// Which days a unit runs: the activity's weekdays, minus public holidays, the school holidays of the commune's
// zone and the commune's own closures. Pure: the console previews a generation before saving it, and the
// calendar says why a day is closed with the same answer.
import { z } from "zod";
import { ajouterJours, estJour, ferie, jourParis, jourSemaine, type Jour } from "@/lib/temps/jours";
import { zoneDuJeu } from "@/lib/domain/calendrier/zones";

/**
 * School holidays as the official calendar writes them: classes end after `debut` ("le départ en vacances a
 * lieu après la classe des jours indiqués") and start again the morning of `fin`, so no service strictly between.
 */
export type Vacances = { description: string; debut: Jour; fin: Jour };
export type FermetureJour = { date: Jour; libelle: string };

/** Why a day has no service, or null when it has (before the weekday rule). */
export function raisonFermeture(jour: Jour, vacances: Vacances[], fermetures: FermetureJour[]): string | null {
  const fermeture = fermetures.find((f) => f.date === jour);
  if (fermeture) return fermeture.libelle;
  const periode = vacances.find((v) => v.debut < jour && jour < v.fin);
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
 * The holidays of one zone in the dataset's rows (the JSON export's array, or records with their `fields`):
 * rows repeat per académie (kept once per description and start) and teachers-only rows are dropped. The zone's
 * spelling is compared without accents, hyphens or article ("La Réunion" is "Réunion").
 */
export function lireCalendrierScolaire(
  donnees: unknown,
  zone: string,
): { vacances: (Vacances & { anneeScolaire: string })[]; ignorees: number } {
  const lignes = Array.isArray(donnees) ? donnees : [];
  const cible = zoneDuJeu(zone) ?? zone;
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
    if ((zoneDuJeu(ligne.zones) ?? ligne.zones) !== cible || ligne.population === "Enseignants") continue;
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

// ——— The file an administrator uploads: the dataset's JSON or CSV export, as data.education.gouv.fr gives it ———

/** Column names of the CSV export (French labels or field names), to the dataset's field names. */
const COLONNES: Record<string, keyof z.infer<typeof ligneSchema>> = {
  description: "description",
  population: "population",
  "date de debut": "start_date",
  start_date: "start_date",
  "date de fin": "end_date",
  end_date: "end_date",
  zones: "zones",
  zone: "zones",
  annee_scolaire: "annee_scolaire",
  "annee scolaire": "annee_scolaire",
};

const normaliser = (texte: string) =>
  texte
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();

/** One CSV line split on its separator, with the export's quoted fields ("a;""b"";c"). */
function champsCsv(ligne: string, separateur: string): string[] {
  const champs: string[] = [];
  let champ = "";
  let guillemets = false;
  for (let i = 0; i < ligne.length; i++) {
    const c = ligne[i]!;
    if (guillemets) {
      if (c === '"' && ligne[i + 1] === '"') {
        champ += '"';
        i++;
      } else if (c === '"') guillemets = false;
      else champ += c;
    } else if (c === '"') guillemets = true;
    else if (c === separateur) {
      champs.push(champ);
      champ = "";
    } else champ += c;
  }
  champs.push(champ);
  return champs;
}

export type LectureFichier = { ok: true; lignes: unknown[] } | { ok: false; message: string };

/**
 * The rows of an uploaded calendar file: JSON (an array, the API's `results` or the old `records`) or CSV (";"
 * or "," separated, with the dataset's header). A French message when it is neither.
 */
export function lireFichierCalendrier(texte: string): LectureFichier {
  const contenu = texte.replace(/^\uFEFF/, "").trim();
  const illisible = {
    ok: false as const,
    message: "Ce fichier n'est pas un export du calendrier scolaire (fr-en-calendrier-scolaire) au format JSON ou CSV.",
  };
  if (contenu === "") return { ok: false, message: "Le fichier est vide." };
  if (contenu.startsWith("[") || contenu.startsWith("{")) {
    let donnees: unknown;
    try {
      donnees = JSON.parse(contenu);
    } catch {
      return { ok: false, message: "Le fichier JSON est mal formé : il ne peut pas être lu." };
    }
    if (Array.isArray(donnees)) return { ok: true, lignes: donnees };
    if (donnees && typeof donnees === "object") {
      for (const cle of ["results", "records"]) {
        const lignes = (donnees as Record<string, unknown>)[cle];
        if (Array.isArray(lignes)) return { ok: true, lignes };
      }
    }
    return illisible;
  }
  const lignesTexte = contenu.split(/\r?\n/).filter((l) => l.trim() !== "");
  const entete = lignesTexte[0]!;
  const separateur = entete.includes(";") ? ";" : ",";
  const colonnes = champsCsv(entete, separateur).map((c) => COLONNES[normaliser(c)]);
  const requises = ["description", "start_date", "end_date", "zones", "annee_scolaire"] as const;
  if (requises.some((r) => !colonnes.includes(r))) return illisible;
  return {
    ok: true,
    lignes: lignesTexte.slice(1).map((ligne) => {
      const champs = champsCsv(ligne, separateur);
      const objet: Record<string, string> = {};
      colonnes.forEach((nom, i) => {
        if (nom && champs[i] !== undefined) objet[nom] = champs[i]!.trim();
      });
      return objet;
    }),
  };
}

/** At most 10 Mo: the whole dataset (every zone and year) is far below. */
export const CALENDRIER_MAX_OCTETS = 10 * 1024 * 1024;

/** The uploaded bytes: a UTF-8 text of reasonable size (no binary, no other encoding), then its rows. */
export function lireOctetsCalendrier(octets: Uint8Array): LectureFichier {
  if (octets.length === 0) return { ok: false, message: "Le fichier est vide." };
  if (octets.length > CALENDRIER_MAX_OCTETS) {
    return { ok: false, message: "Le fichier dépasse 10 Mo : ce n'est pas un export du calendrier scolaire." };
  }
  if (octets.includes(0)) {
    return { ok: false, message: "Ce fichier n'est pas un fichier texte : choisissez l'export JSON ou CSV." };
  }
  let texte: string;
  try {
    texte = new TextDecoder("utf-8", { fatal: true }).decode(octets);
  } catch {
    return {
      ok: false,
      message: "Ce fichier n'est pas encodé en UTF-8 : téléchargez de nouveau l'export JSON ou CSV du jeu de données.",
    };
  }
  return lireFichierCalendrier(texte);
}
