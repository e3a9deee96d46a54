"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsagerLiee } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { pieceDuFormulaire } from "@/lib/storage/upload-check";
import { absenceIntrouvable, declarerAbsence, maladeCeMatin } from "@/lib/domain/absence/declarer";
import { absenceDuUsager } from "@/lib/domain/absence/queries";
import { ajouterJustificatif } from "@/lib/domain/absence/justificatif";
import { estJour } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";

const page = (enfantId: string) => `/famille/enfants/${enfantId}/absences`;
const jour = (message: string) => z.string({ error: message }).trim().refine(estJour, { error: message });

/** The justificatif of a form: the file chosen, or the photo taken with the phone's camera. */
async function justificatifDuFormulaire(formData: FormData) {
  const photo = formData.get("photo");
  return pieceDuFormulaire(photo instanceof File && photo.size > 0 ? photo : formData.get("justificatif"));
}

/** JUSTIFIER UNE ABSENCE: the dates, the motif, an optional justificatif. */
export const declarerAbsenceAction = actionUsagerLiee(
  "absence.declarer",
  z.object({
    debut: jour("Indiquez la date de début (JJ/MM/AAAA)."),
    fin: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || estJour(v), { error: "Indiquez une date de fin valide (JJ/MM/AAAA)." }),
    motif: z.enum(["MALADIE", "RENDEZ_VOUS_MEDICAL", "EVENEMENT_FAMILIAL", "AUTRE"], {
      error: "Choisissez le motif de l'absence.",
    }),
    precision: z.string().trim().max(500, { error: "500 caractères au maximum." }).optional(),
  }),
  async ({ usager, lie: enfantId, data, formData }) => {
    const piece = await justificatifDuFormulaire(formData);
    if (!piece.ok) return { ok: false, errors: { justificatif: piece.message } };
    const { numero, joursEnClair } = await declarerAbsence({
      usagerId: usager.id,
      enfantId,
      debut: data.debut,
      fin: data.fin || data.debut,
      motif: data.motif,
      precision: data.precision,
      justificatif: piece.piece,
      now: await maintenant(),
    });
    revalidatePath(page(enfantId));
    return {
      message: `Votre demande d'absence N° ${numero} est enregistrée (${joursEnClair}).${piece.piece ? "" : " Pensez à envoyer le justificatif."}`,
    };
  },
  { suite: page },
);

/** MALADE CE MATIN: today's meal and garderie, until the commune's hour. */
export const maladeCeMatinAction = actionUsagerLiee(
  "absence.malade",
  z.object({}),
  async ({ usager, lie: enfantId }) => {
    const { numero } = await maladeCeMatin({ usagerId: usager.id, enfantId, now: await maintenant() });
    revalidatePath(page(enfantId));
    return {
      message: `C'est noté : le repas et la garderie d'aujourd'hui sont annulés (demande N° ${numero}). Envoyez le certificat médical ci-dessous dès que possible.`,
    };
  },
  { suite: page },
);

/** The justificatif sent later, within the commune's delay. */
export const ajouterJustificatifAction = actionUsagerLiee(
  "absence.justificatif",
  z.object({ numero: z.coerce.number().int().positive() }),
  async ({ usager, lie: enfantId, data, formData }) => {
    // another family's absence (or none) is "not found" before anything of the file is read
    const absence = await absenceDuUsager(usager.id, data.numero);
    if (!absence || absence.enfantId !== enfantId) throw absenceIntrouvable();
    const piece = await justificatifDuFormulaire(formData);
    if (!piece.ok) return { ok: false, errors: { justificatif: piece.message } };
    if (!piece.piece)
      throw new AppError("vide", "Choisissez le fichier du justificatif ou prenez-le en photo.", "justificatif");
    await ajouterJustificatif({
      usagerId: usager.id,
      numero: data.numero,
      piece: piece.piece,
      now: await maintenant(),
    });
    revalidatePath(page(enfantId));
    return { message: "Le justificatif est envoyé au service." };
  },
  { suite: page },
);
