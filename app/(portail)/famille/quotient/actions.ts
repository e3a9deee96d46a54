"use server";

import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { ErreurApiParticulier, messagePourParent } from "@/lib/api-particulier/client";
import { lireQuotientCaf } from "@/lib/domain/facturation/quotient-caf";
import { consentirQuotientCaf } from "@/lib/domain/facturation/quotient-consentement";
import { PAGE_QUOTIENT } from "@/lib/domain/facturation/quotient-franceconnect";
import { quotientDuUsager } from "@/lib/domain/facturation/quotient-page";
import { maintenant } from "@/lib/web/horloge";
import { sourceDuQuotient } from "@/components/quotient/mots";

const consentementSchema = z.object({ consentement: z.literal("on").optional() });

/** The family's consent to API Particulier, given or withdrawn (hidden, and refused, without API Particulier). */
export const consentirQuotientAction = actionUsager(
  "consentirQuotientCaf",
  consentementSchema,
  async ({ usager, data }) => {
    if (!config.apiParticulier) notFound();
    const consentement = data.consentement === "on";
    if (!(await consentirQuotientCaf({ usagerId: usager.id, consentement, now: await maintenant() }))) notFound();
    revalidatePath(PAGE_QUOTIENT);
    return {
      message: consentement
        ? "Votre autorisation est enregistrée : la commune peut consulter votre quotient familial auprès de la CAF ou de la MSA."
        : "Votre autorisation est retirée : la commune ne consultera plus votre quotient familial auprès de la CAF ou de la MSA.",
    };
  },
);

/** « Mettre à jour depuis la CAF ou la MSA » with the titulaire's identity (a parent not signed in with FranceConnect). */
export const mettreAJourQuotientAction = actionUsager("mettreAJourQuotientCaf", z.object({}), async ({ usager }) => {
  const reglages = config.apiParticulier;
  const famille = await quotientDuUsager(usager.id);
  if (!reglages || !famille) notFound();
  try {
    const lu = await lireQuotientCaf({
      familleId: famille.familleId,
      par: { kind: "USAGER", id: usager.id },
      reglages,
      now: await maintenant(),
    });
    revalidatePath(PAGE_QUOTIENT);
    if (!lu) notFound();
    const source = sourceDuQuotient({ source: lu.fournisseur, annee: lu.annee, mois: lu.mois });
    return {
      message: lu.nouveau
        ? `Votre quotient familial est mis à jour : ${lu.valeur} € (${source}).`
        : `Votre quotient familial n'a pas changé : ${lu.valeur} € (${source}).`,
    };
  } catch (error) {
    if (error instanceof ErreurApiParticulier) return { ok: false, message: messagePourParent(error) };
    if (error instanceof AppError && (error.code === "codeInsee" || error.code === "naissance")) {
      return {
        ok: false,
        message:
          "Votre date ou votre lieu de naissance manque au dossier de la famille : déposez votre attestation de quotient familial dans « Mes documents », le service Enfance la saisira.",
      };
    }
    throw error;
  }
});
