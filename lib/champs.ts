// Zod builders for the fields every form of the portal shares (names, dates, telephones), with their French
// messages, so a rule and its wording are written once.
import { z } from "zod";

/** A name (a person's, a birthplace's): the schemas' limit, and the maxLength of the forms' fields
 * (components/formulaire/IdentiteFields.tsx), so the browser stops where the server would refuse. */
export const NOM_MAX = 100;

export const optionnel = (max: number, nom: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${nom} : ${max} caractères au maximum.` })
    .optional()
    .transform((value) => (value ? value : undefined));

export const requis = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `${max} caractères au maximum.` });

// A person's name is printed in mails ("Bonjour Mme …"): letters (accented too), spaces, apostrophes, hyphens
// and dots only, so it can carry no link, no sentence and no bidi or control character. A dot ends an
// initial ("J.-P.", "St. Martin"), never a word: "exemple.fr" is not a name.
const NOM_DE_PERSONNE = /^\p{L}\p{M}*(?:[\p{L}\p{M} '’-]|\.(?=[ '’-]|$))*$/u;
const NOM_INVALIDE = "Lettres, espaces, apostrophes, tirets et points seulement.";

export const nomDePersonne = (max: number, message: string) =>
  requis(max, message).regex(NOM_DE_PERSONNE, { error: NOM_INVALIDE });

export const nomDePersonneOptionnel = (max: number, nom: string) =>
  optionnel(max, nom).refine((value) => value === undefined || NOM_DE_PERSONNE.test(value), {
    error: `${nom} : ${NOM_INVALIDE.toLowerCase()}`,
  });

export const telephone = (nom: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.replace(/[\s.-]/g, "") : undefined))
    .refine((value) => value === undefined || /^(0[1-9]\d{8}|\+\d{8,15})$/.test(value), {
      error: `${nom} : indiquez 10 chiffres (par exemple 05 59 44 00 00) ou un numéro international commençant par +.`,
    });

/** A calendar day typed in an <input type="date"> (YYYY-MM-DD), as a Date at UTC midnight, or null. */
export function jourIso(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value) ? null : date;
}

export function isPastIsoDate(value: string, now = new Date()): boolean {
  const date = jourIso(value);
  return date !== null && date < now && date.getUTCFullYear() >= 1900;
}

export const courriel = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(254, { error: "254 caractères au maximum." })
    .pipe(z.email({ error: "Indiquez une adresse de courriel valide, par exemple prenom.nom@exemple.fr." }));

/** An optional birth date, in the past. */
export const dateNaissanceOptionnelle = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || isPastIsoDate(value), {
    error: "Indiquez une date de naissance passée, au format JJ/MM/AAAA.",
  });
