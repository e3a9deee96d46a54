// What the console's Paramétrage des réservations forms send, as flat text fields, and the commands' inputs
// they become: a French message beside each field that is wrong.
import { z } from "zod";
import { delaiSchema, type Delai } from "@/lib/domain/calendrier/delais";
import { estJour } from "@/lib/temps/jours";

const id = z.coerce.number().int().positive();
const optionnel = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number().int().positive().nullable());
const jour = (message: string) => z.string().refine(estJour, message);

export const NOMS_TYPES_DELAI = {
  J_MOINS: "Jour J-N à HH:MM",
  JOUR_PRECEDENT: "<jour> précédent à HH:MM",
  JOUR_SEMAINE_PRECEDENTE: "<jour> de la semaine précédente à HH:MM",
  JOUR_MOIS_PRECEDENT: "le N du mois précédent à HH:MM",
  JAMAIS: "jamais (annulation impossible depuis le portail)",
} as const;

/** The weekdays ticked in a form ("jours-1" … "jours-7"). */
export const joursCoches = (values: Record<string, string | undefined>): number[] =>
  [1, 2, 3, 4, 5, 6, 7].filter((j) => values[`jours-${j}`] === "on");

export const generationSchema = z.looseObject({ activiteId: id, anneeId: id, uniteId: optionnel, lieuId: optionnel });

export const jourSchema = z.object({
  activiteId: id,
  jour: jour("Indiquez une date valide."),
  uniteId: optionnel,
  lieuId: optionnel,
  operation: z.enum(["ajouter", "retirer"], { message: "Choisissez d'ouvrir ou de retirer ce jour." }),
});

export const anneeSchema = z.object({
  anneeId: id,
  ouvertureReservations: jour("Indiquez la date d'ouverture des réservations."),
  lectureSeuleLe: z
    .string()
    .optional()
    .refine((v) => !v || estJour(v), "Indiquez une date valide, ou laissez vide.")
    .transform((v) => v || null),
});

export const reglesSchema = z.looseObject({
  activiteId: id,
  validation: z.enum(["AUTOMATIQUE", "AGENT"], { message: "Choisissez le mode de validation." }),
});

/** "capacite-<unité>": empty for unlimited, else a whole number of places. */
export function capacitesDuFormulaire(values: Record<string, string | undefined>) {
  const capacites: { uniteId: number; capacite: number | null }[] = [];
  const errors: Record<string, string> = {};
  for (const [nom, valeur] of Object.entries(values)) {
    const m = /^capacite-(\d+)$/.exec(nom);
    if (!m) continue;
    const texte = (valeur ?? "").trim();
    if (texte === "") capacites.push({ uniteId: Number(m[1]), capacite: null });
    else if (/^\d{1,5}$/.test(texte) && Number(texte) > 0)
      capacites.push({ uniteId: Number(m[1]), capacite: Number(texte) });
    else errors[nom] = "Indiquez un nombre de places (1 ou plus), ou laissez vide pour ne pas limiter.";
  }
  return { capacites, errors };
}

const PARTIES = ["reservation", "annulation"] as const;

export const JAMAIS_RESERVATION =
  "Un délai de réservation est une date limite : « jamais » ne vaut que pour l'annulation.";

/** The two deadlines of the délais form ("reservation-type", "reservation-n", … "annulation-heure"). */
export const delaisSchema = z.looseObject({ activiteId: id }).transform((values, ctx) => {
  const v = values as Record<string, string | undefined>;
  const delais = {} as Record<(typeof PARTIES)[number], Delai>;
  for (const partie of PARTIES) {
    const champ = (nom: string) => v[`${partie}-${nom}`];
    const type = champ("type");
    const brut =
      type === "J_MOINS"
        ? { type, n: Number(champ("n")), ouvres: champ("ouvres") === "on", heure: champ("heure") }
        : type === "JOUR_PRECEDENT" || type === "JOUR_SEMAINE_PRECEDENTE"
          ? { type, jour: Number(champ("jour")), heure: champ("heure") }
          : type === "JOUR_MOIS_PRECEDENT"
            ? { type, n: Number(champ("n")), heure: champ("heure") }
            : { type };
    const lu = delaiSchema.safeParse(brut);
    if (partie === "reservation" && type === "JAMAIS") {
      ctx.addIssue({
        code: "custom",
        path: [`${partie}-type`],
        message: JAMAIS_RESERVATION,
      });
      continue;
    }
    if (!lu.success) {
      for (const issue of lu.error.issues) {
        const cle = String(issue.path[0] ?? "type");
        const message =
          cle === "heure"
            ? "Indiquez une heure au format HH:MM."
            : cle === "n"
              ? type === "JOUR_MOIS_PRECEDENT"
                ? "Indiquez un jour du mois entre 1 et 31."
                : "Indiquez un nombre de jours entre 0 et 60."
              : cle === "jour"
                ? "Choisissez le jour de la semaine."
                : "Choisissez la forme du délai.";
        ctx.addIssue({ code: "custom", path: [`${partie}-${cle}`], message });
      }
      continue;
    }
    delais[partie] = lu.data;
  }
  return { activiteId: Number(values.activiteId), ...delais };
});
