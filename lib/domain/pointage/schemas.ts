// The forms of the day's lists: a tap on Présent / Absent / Présent sans réservation, and Imprimer.
import { z } from "zod";
import { estJour } from "@/lib/temps/jours";

export const ETATS_POINTAGE = {
  PRESENT: "Présent",
  ABSENT: "Absent",
  PRESENT_SANS_RESERVATION: "Présent sans réservation",
} as const;

const jour = z.string().refine(estJour, "Indiquez une date au format JJ/MM/AAAA.");
const id = z.coerce.number().int().positive();

export const pointageSchema = z.object({
  enfantId: z.uuid(),
  uniteId: id,
  lieuId: id,
  date: jour,
  etat: z.enum(["PRESENT", "ABSENT", "PRESENT_SANS_RESERVATION"]),
});

/** A tap sent by the tablet to the marks' route (JSON), replayed later when the network was down. */
export const marqueSchema = pointageSchema.extend({
  /** when the agent tapped: the server keeps the latest tap (pointer.ts) */
  marqueLe: z.iso.datetime({ offset: true }),
});

export const tousPresentsSchema = pointageSchema.pick({ uniteId: true, lieuId: true, date: true });

export const impressionSchema = z.object({
  date: jour,
  /** the lieux printed together (a whole day, or one lieu) */
  lieux: z
    .string()
    .transform((texte) => texte.split(",").map(Number))
    .pipe(z.array(z.number().int().positive()).min(1)),
});
