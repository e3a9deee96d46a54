"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { enregistrerPourLaFamille } from "@/lib/domain/reservation/famille";
import { resumeFamille } from "@/lib/domain/reservation/famille-vue-brouillon";
import { CHANGEMENTS_MAX, CHANGEMENTS_MAX_CARACTERES } from "@/lib/domain/reservation/schemas";
import { maintenant } from "@/lib/web/horloge";

const changement = z.object({
  inscriptionId: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  uniteId: z.number().int().positive(),
  reserver: z.boolean(),
});

// a family's year for several children: the per-child limit, times a few children (an id adds ~40 characters)
const MAX = CHANGEMENTS_MAX * 4;
const schema = z.object({
  changements: z
    .string()
    .max(CHANGEMENTS_MAX_CARACTERES * 6, "Trop de changements à la fois : enregistrez-les en plusieurs fois.")
    .transform((texte, ctx) => {
      try {
        return JSON.parse(texte) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Aucun changement à enregistrer." });
        return z.NEVER;
      }
    })
    .pipe(z.array(changement).min(1, "Aucun changement à enregistrer.").max(MAX)),
});

const PAGE = "/famille/reservations";
/** Back to the week or month the parent was on (the draft waits in the browser), never elsewhere. */
const suite = (formData: FormData) => {
  const page = String(formData.get("page") ?? "");
  return /^\/famille\/reservations(\?(semaine=\d{4}-\d{2}-\d{2}|mois=\d{4}-\d{2}))?$/.test(page) ? page : PAGE;
};

export const enregistrerPourLaFamilleAction = actionUsager(
  "enregistrerPourLaFamille",
  schema,
  async ({ usager, data }) => {
    const bilan = await enregistrerPourLaFamille({
      usagerId: usager.id,
      changements: data.changements,
      now: await maintenant(),
    });
    revalidatePath(PAGE, "page");
    // `enregistre`: the page drops its draft (a refusal of the form itself keeps it)
    return { ...resumeFamille(bilan), extra: { enregistre: true } };
  },
  { suite },
);
