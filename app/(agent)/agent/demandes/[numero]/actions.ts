"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { pieceDuFormulaire } from "@/lib/storage/upload-check";
import { deciderDemande, type DecisionAgent } from "@/lib/domain/demande/decider";
import { DEMARCHES } from "@/lib/domain/demarches";
import { envoyerMessage } from "@/lib/domain/demande/messages";
import { marquerPieceVerifiee } from "@/lib/domain/piece/verifier";
import { demandeIdPourAgent, demandePourAgent } from "@/lib/domain/demande/queries-console";
import { STATUTS } from "@/lib/domain/demande/transitions";
import {
  CHAMP_MOTIF,
  CHAMP_PIECES_NON_VERIFIEES,
  CHOIX_CREER,
  champRattachement,
  motifComplement,
  SUCCES,
} from "./decision";

/** Hidden fields the page wrote: a form that does not carry them as written gets one message, above it. */
function champsDeLaPage<S extends z.ZodType>(schema: S) {
  return z.unknown().transform((values, ctx): z.infer<S> => {
    const lu = schema.safeParse(values);
    if (lu.success) return lu.data;
    ctx.addIssue({ code: "custom", message: "Cette action n'est pas reconnue : rechargez la page." });
    return z.NEVER;
  });
}

const numero = z.coerce.number().int().positive();

const decisionSchema = champsDeLaPage(
  z.object({
    numero,
    decision: z.enum(["instruire", "demanderComplement", "accepter", "refuser"]),
    statutVu: z.enum(STATUTS as [string, ...string[]]),
  }),
);

const motifSchema = z.string().trim().max(2000, { error: "2000 caractères au maximum." });

const nomAgent = (agent: { prenom: string; nom: string }) => `${agent.prenom} ${agent.nom}`;

/**
 * Prendre en charge, Demander un complément, Accepter, Refuser. The form says which state the agent saw: if
 * another agent acted since, the answer says who and when, and the page's data is refreshed.
 */
export const deciderAction = actionAgent("demande.decider", decisionSchema, async ({ agent, data, values }) => {
  const { numero, decision, statutVu } = data;
  const demande = await demandePourAgent(numero, DEMARCHES);
  if (!demande) throw new AppError("introuvable", "Cette demande est introuvable.");

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
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // the pieces not « Vérifiée » the confirmation named (the domain refuses if one is still unchecked and unnamed)
  const piecesNonVerifiees =
    decision === "accepter" ? (values[CHAMP_PIECES_NON_VERIFIEES] ?? "").split(",").filter(Boolean) : [];

  try {
    await deciderDemande({
      demarches: DEMARCHES,
      agent,
      demandeId: demande.id,
      decision: decision as DecisionAgent,
      motif,
      statutVu: statutVu as (typeof STATUTS)[number],
      rattachements,
      piecesNonVerifiees,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.field === "motif" && decision in CHAMP_MOTIF)
      return { ok: false, errors: { [CHAMP_MOTIF[decision as keyof typeof CHAMP_MOTIF]]: error.message } };
    // someone acted first: show the demande as it is now
    revalidatePath(`/agent/demandes/${numero}`);
    return { ok: false, message: error.message };
  }
  revalidatePath(`/agent/demandes/${numero}`);
  return { message: SUCCES[decision] };
});

/** Échanges: the agent answers the parent (who is mailed) or writes an internal note. */
export const envoyerMessageAgentAction = actionAgent(
  "demande.message_agent",
  z.object({ numero, message: z.string().default(""), interne: z.string().optional() }),
  async ({ agent, data, formData }) => {
    const interne = data.interne === "on";
    const demandeId = await demandeIdPourAgent(data.numero);
    if (!demandeId) throw new AppError("introuvable", "Cette demande est introuvable.");
    const piece = await pieceDuFormulaire(formData.get("piece"));
    if (!piece.ok) return { ok: false, errors: { piece: piece.message } };
    await envoyerMessage({
      demandeId,
      auteur: { kind: "AGENT", agentId: agent.id, nom: nomAgent(agent) },
      contenu: data.message,
      piece: piece.piece,
      interne,
    });
    revalidatePath(`/agent/demandes/${data.numero}`);
    return {
      message: interne ? "Votre note interne a été enregistrée." : "Votre message a été envoyé au demandeur.",
    };
  },
);

/** « Vérifiée »: the agent marks a pièce of the demande checked, or takes the mark back. */
export const verifierPieceAction = actionAgent(
  "piece.verifier",
  champsDeLaPage(z.object({ numero, piece: z.uuid(), verifiee: z.enum(["oui", "non"]) })),
  async ({ agent, data }) => {
    await marquerPieceVerifiee({ agent, numero: data.numero, pieceId: data.piece, verifiee: data.verifiee === "oui" });
    revalidatePath(`/agent/demandes/${data.numero}`);
    return { ok: true, message: data.verifiee === "oui" ? "La pièce est vérifiée." : "La pièce n'est plus vérifiée." };
  },
);
