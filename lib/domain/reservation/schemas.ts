// What "Enregistrer" sends (the changed day × unit pairs, as JSON in one field) and what it answers.
import { z } from "zod";
import type { Bilan } from "@/lib/domain/reservation/enregistrer";

const changement = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  uniteId: z.number().int().positive(),
  reserver: z.boolean(),
});

/** At most a school year of two units, both ways. */
export const CHANGEMENTS_MAX = 1000;
/**
 * The longest text CHANGEMENTS_MAX changes make (one is {"date":"2026-09-14","uniteId":123456,"reserver":false},
 * 55 characters): checked before the text is parsed, so a huge field costs nothing (issue 30).
 */
export const CHANGEMENTS_MAX_CARACTERES = CHANGEMENTS_MAX * 80;

export const changementsSchema = z
  .string()
  .max(CHANGEMENTS_MAX_CARACTERES, "Trop de changements à la fois : enregistrez-les en plusieurs fois.")
  .transform((texte, ctx) => {
    try {
      return JSON.parse(texte) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "Aucun changement à enregistrer." });
      return z.NEVER;
    }
  })
  .pipe(z.array(changement).min(1, "Aucun changement à enregistrer.").max(CHANGEMENTS_MAX));

const jours = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

/** The save's outcome as the form shows it: a sentence, and each refused day's reason keyed by day and unit. */
export function resumeBilan(bilan: Bilan, { parLeService = false } = {}) {
  const faits =
    bilan.reservees.length +
    bilan.enAttente.length +
    bilan.aValider.length +
    bilan.demandees.length +
    bilan.annulees.length;
  const parties = [
    bilan.reservees.length > 0 && `${jours(bilan.reservees.length)} réservé${bilan.reservees.length > 1 ? "s" : ""}`,
    bilan.enAttente.length > 0 && `${jours(bilan.enAttente.length)} en liste d'attente`,
    bilan.aValider.length > 0 && `${jours(bilan.aValider.length)} en attente de validation par le service`,
    bilan.demandees.length > 0 &&
      `${jours(bilan.demandees.length)} demandé${bilan.demandees.length > 1 ? "s" : ""}, attribué${bilan.demandees.length > 1 ? "s" : ""} à la clôture des demandes`,
    bilan.annulees.length > 0 && `${jours(bilan.annulees.length)} annulé${bilan.annulees.length > 1 ? "s" : ""}`,
  ].filter(Boolean);
  const refus = Object.fromEntries(bilan.refus.map((r) => [`${r.date}|${r.uniteId}`, r.raison]));
  return {
    ok: bilan.refus.length === 0,
    message:
      (faits > 0
        ? `Réservations enregistrées : ${parties.join(", ")}. ${parLeService ? "La famille en est informée par courriel." : "Un récapitulatif vous est envoyé par courriel."}`
        : "Aucun changement.") +
      (bilan.refus.length > 0
        ? ` ${jours(bilan.refus.length)} refusé${bilan.refus.length > 1 ? "s" : ""} : voir ci-dessous.`
        : ""),
    errors: refus,
    values: {},
  };
}
