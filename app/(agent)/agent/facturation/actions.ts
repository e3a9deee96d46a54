"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { avoirSchema, emettreAvoir } from "@/lib/domain/facturation/avoir";
import { exigerFacturation } from "@/lib/domain/facturation/habilitation";
import { lancerFacturation } from "@/lib/domain/facturation/lancer";
import { MOIS_SAISI, moisTermine } from "@/lib/domain/facturation/terme-echu";
import { quotientSchema, saisirQuotient } from "@/lib/domain/facturation/quotient";
import { maintenant } from "@/lib/web/horloge";
import { notFound } from "next/navigation";

const moisSchema = z.object({ mois: z.string().regex(MOIS_SAISI, "Choisissez un mois.") });
const emissionSchema = moisSchema.extend({
  factures: z.coerce.number().int().min(0),
  totalCentimes: z.coerce.number().int(),
});

// The simulation is read by the page (?simulation=1): the action only refuses a month not over yet, beside
// the field, before the page computes anything.
export const simulerFacturationAction = actionAgent("simulerFacturation", moisSchema, async ({ data }) => {
  moisTermine(data.mois, await maintenant());
  redirect(`/agent/facturation?mois=${data.mois}&simulation=1`);
});

// The counts come from the simulation the agent read; the command computes them again and refuses when they
// changed. The run is then a job of the queue, started by its commit on whichever node is free (the page polls
// its row for families done / total).
export const emettreFacturesAction = actionAgent("emettreFactures", emissionSchema, async ({ agent, data }) => {
  await exigerFacturation(agent);
  const run = await lancerFacturation({
    mois: data.mois,
    agentId: agent.id,
    now: await maintenant(),
    confirme: { factures: data.factures, totalCentimes: data.totalCentimes },
  });
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
