"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { appErrorState, type FormState } from "@/lib/forms";
import { pieceDuFormulaire } from "@/lib/storage/upload-check";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { envoyerMessage } from "@/lib/domain/demande/messages";
import { annulerDemande } from "@/lib/domain/demande/annuler";

/** The demande of this parent with that number; anyone else's is "not found", whatever the number sent. */
async function maDemande(numero: number) {
  const { usager } = await requireUsager(`/demandes/${numero}`);
  const demande = Number.isSafeInteger(numero) ? await demandeDuUsager(usager.id, numero) : null;
  if (!demande) throw new AppError("introuvable", "Cette demande est introuvable.");
  return { usager, demande };
}

/** Échanges: the parent writes to the agents, with one piece if they wish. */
export async function envoyerMessageAction(numero: number, _prev: FormState, formData: FormData): Promise<FormState> {
  // (the field is "message": the page's main content already holds the id "contenu")
  const contenu = String(formData.get("message") ?? "");
  const values = { message: contenu };
  try {
    const { usager, demande } = await maDemande(numero);
    const piece = await pieceDuFormulaire(formData.get("piece"));
    if (!piece.ok) return { values, errors: { piece: piece.message } };
    await envoyerMessage({
      demandeId: demande.id,
      auteur: { kind: "USAGER", usagerId: usager.id },
      contenu,
      piece: piece.piece,
    });
  } catch (error) {
    return appErrorState(error, values);
  }
  revalidatePath(`/demandes/${numero}`);
  return { values: { message: "" }, errors: {}, ok: true };
}

/** The parent withdraws the demande (only while no agent has taken it up). */
export async function annulerDemandeAction(numero: number): Promise<{ message?: string }> {
  try {
    const { usager, demande } = await maDemande(numero);
    await annulerDemande({ usagerId: usager.id, demandeId: demande.id });
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  redirect(`/demandes/${numero}?onglet=historique`);
}
