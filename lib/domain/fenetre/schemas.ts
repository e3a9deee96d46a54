// The console's forms of a booking window (« Périodes de réservation »), each message beside its field. What
// needs the database (the units of the activity, their capacity, another window on the same units) is checked
// by the command (creer.ts), beside the same fields.
import { z } from "zod";
import { estJour, instantParis, type Jour } from "@/lib/temps/jours";
import type { CriterePriorite } from "@/lib/generated/prisma/enums";

/** The priorities a commune may publish, in the order the form and the public page list them. */
export const CRITERES: { critere: CriterePriorite; libelle: string; explication: string }[] = [
  {
    critere: "FRATRIE",
    libelle: "Fratrie",
    explication: "un frère ou une sœur de l'enfant demande la même période",
  },
  {
    critere: "PARENTS_TRAVAILLENT",
    libelle: "Parents qui travaillent",
    explication: "chaque parent ayant l'autorité parentale a déclaré une profession ou un employeur",
  },
  {
    critere: "RESIDENT_COMMUNE",
    libelle: "Résident de la commune",
    explication: "l'adresse de la famille est dans la commune",
  },
];

export const champPoints = (critere: CriterePriorite) => `points-${critere}` as const;
/** A unit ticked in the form: "unite-<id>". */
export const champUnite = (uniteId: number) => `unite-${uniteId}`;
const CASE_UNITE = /^unite-(\d{1,9})$/;

export const DELAI_OFFRE_DEFAUT = 48;
const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;

const jour = (manque: string) =>
  z
    .string({ error: manque })
    .trim()
    .min(1, manque)
    .refine(estJour, { error: "Indiquez une date valide (JJ/MM/AAAA)." });
const heure = (manque: string) =>
  z.string({ error: manque }).trim().min(1, manque).regex(HEURE, "Indiquez une heure valide, par exemple 08:30.");
const points = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : 0))
  .refine((n) => Number.isInteger(n) && n >= 0 && n <= 100, {
    error: "Indiquez un nombre de points entier entre 0 et 100 (0 : critère non utilisé).",
  });

export const fenetreSchema = z
  .object({
    libelle: z
      .string({ error: "Indiquez le libellé." })
      .trim()
      .min(1, "Indiquez le libellé.")
      .max(120, "120 caractères au plus."),
    activiteId: z.coerce.number({ error: "Choisissez l'activité." }).int().positive("Choisissez l'activité."),
    debut: jour("Indiquez le premier jour de service concerné."),
    fin: jour("Indiquez le dernier jour de service concerné."),
    ouvertureJour: jour("Indiquez le jour d'ouverture des demandes."),
    ouvertureHeure: heure("Indiquez l'heure d'ouverture."),
    fermetureJour: jour("Indiquez le jour de clôture des demandes."),
    fermetureHeure: heure("Indiquez l'heure de clôture."),
    delaiOffreHeures: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : DELAI_OFFRE_DEFAUT))
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= 240, {
        error: "Indiquez un délai entier entre 1 et 240 heures.",
      }),
    "points-FRATRIE": points,
    "points-PARENTS_TRAVAILLENT": points,
    "points-RESIDENT_COMMUNE": points,
  })
  .superRefine((v, ctx) => {
    if (estJour(v.debut) && estJour(v.fin) && v.fin < v.debut)
      ctx.addIssue({ code: "custom", path: ["fin"], message: "Le dernier jour doit suivre le premier jour." });
    const ouverture = instant(v.ouvertureJour, v.ouvertureHeure);
    const fermeture = instant(v.fermetureJour, v.fermetureHeure);
    if (ouverture && fermeture && fermeture <= ouverture)
      ctx.addIssue({
        code: "custom",
        path: ["fermetureJour"],
        message: "La clôture des demandes doit suivre leur ouverture.",
      });
    if (fermeture && estJour(v.debut) && fermeture > instantParis(v.debut, "00:00"))
      ctx.addIssue({
        code: "custom",
        path: ["fermetureJour"],
        message: "Les demandes doivent être closes avant le premier jour de service concerné.",
      });
  })
  .transform((v) => ({
    libelle: v.libelle,
    activiteId: v.activiteId,
    debut: v.debut as Jour,
    fin: v.fin as Jour,
    ouverture: instant(v.ouvertureJour, v.ouvertureHeure)!,
    fermeture: instant(v.fermetureJour, v.fermetureHeure)!,
    delaiOffreHeures: v.delaiOffreHeures,
    points: Object.fromEntries(CRITERES.map(({ critere }) => [critere, v[champPoints(critere)] as number])) as Record<
      CriterePriorite,
      number
    >,
  }));

export type SaisieFenetre = z.infer<typeof fenetreSchema>;

/** A Paris wall-clock date and time as an instant, or null while either is not valid. */
function instant(jour: string, heure: string): Date | null {
  return estJour(jour) && HEURE.test(heure) ? instantParis(jour, heure) : null;
}

/** The units ticked in the form (their ids), whatever the activity: the command checks they are its own. */
export function unitesCochees(values: Record<string, string>): number[] {
  return Object.entries(values).flatMap(([nom, valeur]) => {
    const m = CASE_UNITE.exec(nom);
    return m && valeur === "on" ? [Number(m[1])] : [];
  });
}

const fenetreId = z.coerce
  .number({ error: "Période de réservation inconnue." })
  .int("Période de réservation inconnue.")
  .positive("Période de réservation inconnue.");

export const annulerFenetreSchema = z.object({
  fenetreId,
  motif: z
    .string({ error: "Indiquez le motif de l'annulation." })
    .trim()
    .min(1, "Indiquez le motif de l'annulation.")
    .max(500, "500 caractères au plus."),
});

export const fenetreIdSchema = z.object({ fenetreId });
