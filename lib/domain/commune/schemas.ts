// The Paramétrage forms: the commune's settings and a new version of a document, checked in the browser's
// round trip and on the server by the same schemas.
import { z } from "zod";
import { courriel, optionnel, requis, telephone } from "@/lib/champs";

const regleTelephone = telephone("Téléphone du service");

export const communeSchema = z.object({
  nom: requis(100, "Indiquez le nom de la commune."),
  adresse: optionnel(200, "Adresse"),
  serviceNom: requis(100, "Indiquez le nom du service."),
  serviceEmail: courriel("Indiquez le courriel du service."),
  // Kept as typed ("05 59 44 00 00" reads better on Infos pratiques) but held to the families' phone rule.
  telephone: optionnel(30, "Téléphone du service").superRefine((value, ctx) => {
    const check = regleTelephone.safeParse(value);
    if (!check.success)
      ctx.addIssue({ code: "custom", message: check.error.issues[0]?.message ?? "Téléphone invalide." });
  }),
  siteUrl: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          error: "Indiquez l'adresse complète du site, par exemple https://www.villefranque.fr.",
        })
        .max(300, { error: "300 caractères au maximum." })
        .optional(),
    ),
  totpObligatoire: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  // Absences (lib/domain/absence): the justificatif's delay, and the hour "Malade ce matin" closes at
  delaiJustificatifHeures: z.coerce
    .number({ error: "Indiquez un nombre d'heures." })
    .int({ error: "Indiquez un nombre entier d'heures." })
    .min(1, { error: "Au moins 1 heure." })
    .max(720, { error: "720 heures (30 jours) au maximum." }),
  heureLimiteMaladie: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Indiquez une heure au format HH:MM, par exemple 09:00." }),
  // Commande des repas (lib/domain/commande-repas/traiteur.ts): the caterer's address the frozen order is mailed to
  traiteurCourriel: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(
      z
        .email({ error: "Indiquez une adresse de courriel valide, par exemple cuisine@traiteur.fr." })
        .max(254, { error: "254 caractères au maximum." })
        .optional(),
    ),
  // Transport scolaire (lib/domain/transport): the operator families sign up with (« TXIK TXAK »); empty, no
  // transport scolaire is shown anywhere (null); a form without the field (an older client) keeps the commune's
  transportOperateur: z
    .string()
    .trim()
    .max(100, { error: "100 caractères au maximum." })
    .transform((value) => value || null)
    .optional(),
  // Pointage (lib/domain/pointage/delai.ts): how many days back a list may still be marked or corrected; a
  // form without the field (an older client) keeps the commune's value
  delaiCorrectionPointageJours: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, { error: "Indiquez un nombre entier de jours, par exemple 7." })
    .transform(Number)
    .pipe(z.number().max(60, { error: "60 jours au maximum." }))
    .optional(),
});
export type CommuneSaisie = z.infer<typeof communeSchema>;

export const DOCUMENTS = {
  CGU: "Conditions générales d'utilisation",
  REGLEMENT_INTERIEUR: "Règlement intérieur",
} as const;

export const documentSchema = z.object({
  type: z.enum(["CGU", "REGLEMENT_INTERIEUR"], { error: "Document inconnu." }),
  contenu: z
    .string({ error: "Écrivez le texte du document." })
    .trim()
    .min(1, { error: "Écrivez le texte du document." })
    .max(200_000, { error: "Le texte dépasse 200 000 caractères." }),
});
