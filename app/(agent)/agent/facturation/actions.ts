"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { avoirSchema, emettreAvoir } from "@/lib/domain/facturation/avoir";
import { lancerFacturation } from "@/lib/domain/facturation/lancer";
import { quotientSchema, saisirQuotient } from "@/lib/domain/facturation/quotient";
import { maintenant } from "@/lib/web/horloge";
import { notFound } from "next/navigation";

const moisSchema = z.object({ mois: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choisissez un mois.") });

// The run is a job of the queue, started by its commit on whichever node is free (the page then polls its row
// for families done / total).
export const lancerFacturationAction = actionAgent("lancerFacturation", moisSchema, async ({ agent, data }) => {
  const run = await lancerFacturation({ mois: data.mois, agentId: agent.id, now: await maintenant() });
  redirect(`/agent/facturation?mois=${data.mois}&run=${run.id}`);
});

/** The avoir of an invoice, bound to its number by the page. */
export async function emettreAvoirAction(numero: string, previous: FormState, formData: FormData) {
  return actionAgent("emettreAvoir", avoirSchema, async ({ agent, data }) => {
    const avoir = await emettreAvoir({ numero, motif: data.motif, agentId: agent.id, now: await maintenant() });
    if (!avoir) notFound();
    revalidatePath(`/agent/facturation/factures/${numero}`);
    return { message: `Avoir N° ${avoir.numero} émis : la facture ${numero} est annulée.` };
  })(previous, formData);
}

/** A family's QF typed from its attestation, bound to the family by the page. */
export async function saisirQuotientAction(familleId: string, previous: FormState, formData: FormData) {
  return actionAgent("saisirQuotient", quotientSchema, async ({ agent, data }) => {
    if (!(await saisirQuotient({ familleId, agentId: agent.id, data }))) notFound();
    revalidatePath(`/agent/facturation/familles/${familleId}`);
    return { message: "Quotient familial enregistré." };
  })(previous, formData);
}
