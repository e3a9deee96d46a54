"use server";

import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { config } from "@/lib/config";
import type { FormState } from "@/lib/forms";
import { ErreurApiParticulier } from "@/lib/api-particulier/client";
import { lireQuotientCaf, premierDuMois } from "@/lib/domain/facturation/quotient-caf";
import { maintenant } from "@/lib/web/horloge";
import { dateEnLettres, sourceDuQuotient } from "@/components/quotient/mots";
import { dateDeJour } from "@/lib/temps/jours";

const interrogationSchema = z.object({
  codeInsee: z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^(\d[\dAB]\d{3})$/, "Le code INSEE a 5 caractères (64102 pour Bayonne, 2A004 pour Ajaccio)."),
    ])
    .optional(),
});

/** « Interroger la CAF / MSA »: the identity modality, for a family that consented; bound to the family by the page. */
export async function interrogerCafAction(familleId: string, previous: FormState, formData: FormData) {
  return actionAgent("interrogerCaf", interrogationSchema, async ({ agent, data }) => {
    const reglages = config.apiParticulier;
    if (!reglages) notFound();
    const now = await maintenant();
    try {
      const lu = await lireQuotientCaf({
        familleId,
        par: { kind: "AGENT", id: agent.id },
        reglages,
        now,
        codeInsee: data.codeInsee || undefined,
      });
      if (!lu) notFound();
      revalidatePath(`/agent/familles/${familleId}`);
      const source = sourceDuQuotient({ source: lu.fournisseur, annee: lu.annee, mois: lu.mois });
      return {
        message: lu.nouveau
          ? `Quotient familial ${lu.valeur} € (${source}) enregistré à partir du ${dateEnLettres(dateDeJour(premierDuMois(now)))}.`
          : `Quotient familial inchangé : ${lu.valeur} € (${source}).`,
      };
    } catch (error) {
      if (error instanceof ErreurApiParticulier) return { ok: false, message: error.message };
      throw error;
    }
  })(previous, formData);
}
