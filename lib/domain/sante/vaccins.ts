// The vaccinations of a dossier santé (the list the paper dossiers sanitaires ask for) and the one rule the portal
// applies to them: is the child's DT-Polio up to date? Pure: the caller gives today's calendar day (Europe/Paris,
// lib/temps/jours.ts) and the child's birth date, both as calendar days "YYYY-MM-DD".
import type { Jour } from "@/lib/temps/jours-calcul";

/** The vaccines the form lists, each with the date of its last injection; DT-Polio first (the one checked). */
export const VACCINS = {
  DT_POLIO: "DT-Polio (diphtérie, tétanos, poliomyélite)",
  COQUELUCHE: "Coqueluche",
  HAEMOPHILUS: "Haemophilus influenzae b",
  HEPATITE_B: "Hépatite B",
  PNEUMOCOQUE: "Pneumocoque",
  MENINGOCOQUE: "Méningocoque",
  ROR: "ROR (rougeole, oreillons, rubéole)",
  BCG: "BCG",
} as const;
export type Vaccin = keyof typeof VACCINS;

/**
 * The DT-Polio boosters of the French vaccination schedule (calendrier des vaccinations, ministère de la Santé,
 * yearly; the 2018 schedule for children born since 2018): after the injections of the first months, a booster
 * at 11 months, one at 6 years, one between 11 and 13 years, then at 25 years (and 45, 65: adults, not here).
 * In our words: once a child has reached the age a booster is due (`du`, in months), an injection counts for it
 * only if it was given from the age its window opens (`depuis`); the 11–13 years booster is due at 13 (the end of
 * its window) and counts from 11. The last booster whose due age is reached is the one that must have been done.
 */
export const RAPPELS_DT_POLIO: readonly { du: number; depuis: number }[] = [
  { du: 11, depuis: 11 },
  { du: 6 * 12, depuis: 6 * 12 },
  { du: 13 * 12, depuis: 11 * 12 },
  { du: 25 * 12, depuis: 25 * 12 },
];

export type StatutVaccin =
  /** no booster due yet, or the last one due was given */
  | { statut: "A_JOUR" }
  /** the booster due at `echeance` (the child's birthday of that age) has not been given since its window opened */
  | { statut: "A_METTRE_A_JOUR"; echeance: Jour }
  /** no date given: nothing can be said */
  | { statut: "NON_RENSEIGNE" };

/** The calendar day a child born on `naissance` reaches `mois` months (a 29 February or 31st: the month's last day). */
export function anniversaireEnMois(naissance: Jour, mois: number): Jour {
  const [annee, m, jour] = naissance.split("-").map(Number) as [number, number, number];
  const total = m - 1 + mois;
  const cible = { annee: annee + Math.floor(total / 12), mois: (total % 12) + 1 };
  const dernier = new Date(Date.UTC(cible.annee, cible.mois, 0)).getUTCDate();
  const j = Math.min(jour, dernier);
  return `${cible.annee}-${String(cible.mois).padStart(2, "0")}-${String(j).padStart(2, "0")}`;
}

/** Whether the DT-Polio whose last injection was on `derniere` (null: not given) is up to date on `aujourdhui`. */
export function statutDtPolio({
  naissance,
  derniere,
  aujourdhui,
}: {
  naissance: Jour;
  derniere: Jour | null;
  aujourdhui: Jour;
}): StatutVaccin {
  if (!derniere) return { statut: "NON_RENSEIGNE" };
  const dus = RAPPELS_DT_POLIO.filter((rappel) => anniversaireEnMois(naissance, rappel.du) <= aujourdhui);
  const rappel = dus.at(-1);
  if (!rappel) return { statut: "A_JOUR" };
  return derniere >= anniversaireEnMois(naissance, rappel.depuis)
    ? { statut: "A_JOUR" }
    : { statut: "A_METTRE_A_JOUR", echeance: anniversaireEnMois(naissance, rappel.du) };
}

export const LIBELLES_STATUT: Record<StatutVaccin["statut"], string> = {
  A_JOUR: "à jour",
  A_METTRE_A_JOUR: "à mettre à jour",
  NON_RENSEIGNE: "date non renseignée",
};
