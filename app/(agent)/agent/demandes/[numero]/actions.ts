"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAgent } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { appErrorState, formValues, type FormState } from "@/lib/forms";
import { pieceDuFormulaire } from "@/lib/storage/upload-check";
import { deciderDemande, type DecisionAgent } from "@/lib/domain/demande/decider";
import { envoyerMessage } from "@/lib/domain/demande/messages";
import { demandeIdPourAgent, demandePourAgent } from "@/lib/domain/demande/queries-console";
import { STATUTS } from "@/lib/domain/demande/transitions";
import { CHAMP_MOTIF, CHOIX_CREER, champRattachement, motifComplement, SUCCES } from "./decision";

const decisionSchema = z.object({
  numero: z.coerce.number().int().positive(),
  decision: z.enum(["instruire", "demanderComplement", "accepter", "refuser"]),
  statutVu: z.enum(STATUTS as [string, ...string[]]),
});

const motifSchema = z.string().trim().max(2000, { error: "2000 caractères au maximum." });

const nomAgent = (agent: { prenom: string; nom: string }) => `${agent.prenom} ${agent.nom}`;

/**
 * Prendre en charge, Demander un complément, Accepter, Refuser. The form says which state the agent saw: if
 * another agent acted since, the answer says who and when, and the page's data is refreshed.
 */
export async function deciderAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return { values, errors: {}, message: "Cette action n'est pas reconnue : rechargez la page." };
  const { numero, decision, statutVu } = parsed.data;
  const demande = await demandePourAgent(numero);
  if (!demande) return { values, errors: {}, message: "Cette demande est introuvable." };

  const errors: Record<string, string> = {};
  let motif: string | undefined;
  if (decision === "refuser" || decision === "demanderComplement") {
    const lu = motifSchema.safeParse(values[CHAMP_MOTIF[decision]] ?? "");
    if (!lu.success) errors[CHAMP_MOTIF[decision]] = lu.error.issues[0]!.message;
    else if (!lu.data) errors[CHAMP_MOTIF[decision]] = "Indiquez le motif.";
    else motif = decision === "demanderComplement" ? motifComplement(lu.data, values.manques ?? "") : lu.data;
  }
  // garde alternée: every possibly known child needs the agent's explicit choice; the ids chosen are checked
  // again by the domain against the children it finds itself
  const rattachements: Record<string, string> = {};
  if (decision === "accepter") {
    for (const { enfantRef } of demande.rapprochements) {
      const choix = values[champRattachement(enfantRef)];
      if (!choix)
        errors[champRattachement(enfantRef)] = "Choisissez : rattacher à l'enfant existant ou créer un nouvel enfant.";
      else if (choix !== CHOIX_CREER) rattachements[enfantRef] = choix;
    }
  }
  if (Object.keys(errors).length > 0) return { values, errors };

  try {
    await deciderDemande({
      agent,
      demandeId: demande.id,
      decision: decision as DecisionAgent,
      motif,
      statutVu: statutVu as (typeof STATUTS)[number],
      rattachements,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.field === "motif" && decision in CHAMP_MOTIF)
      return { values, errors: { [CHAMP_MOTIF[decision as keyof typeof CHAMP_MOTIF]]: error.message } };
    // someone acted first: show the demande as it is now
    revalidatePath(`/agent/demandes/${numero}`);
    return { values, errors: {}, message: error.message };
  }
  revalidatePath(`/agent/demandes/${numero}`);
  return { values: {}, errors: {}, ok: true, message: SUCCES[decision] };
}

/** Échanges: the agent answers the parent (who is mailed) or writes an internal note. */
export async function envoyerMessageAgentAction(
  numero: number,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { agent } = await requireAgent();
  const contenu = String(formData.get("message") ?? "");
  const interne = formData.get("interne") === "on";
  const values = { message: contenu, interne: interne ? "on" : "" };
  try {
    const demandeId = await demandeIdPourAgent(numero);
    if (!demandeId) throw new AppError("introuvable", "Cette demande est introuvable.");
    const piece = await pieceDuFormulaire(formData.get("piece"));
    if (!piece.ok) return { values, errors: { piece: piece.message } };
    await envoyerMessage({
      demandeId,
      auteur: { kind: "AGENT", agentId: agent.id, nom: nomAgent(agent) },
      contenu,
      piece: piece.piece,
      interne,
    });
  } catch (error) {
    return appErrorState(error, values);
  }
  revalidatePath(`/agent/demandes/${numero}`);
  return {
    values: {},
    errors: {},
    ok: true,
    message: interne ? "Votre note interne a été enregistrée." : "Votre message a été envoyé au demandeur.",
  };
}
