"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { pieceDuFormulaire } from "@/lib/storage/upload-check";
import { demandeDuUsager } from "@/lib/domain/demande/queries";
import { envoyerMessage } from "@/lib/domain/demande/messages";
import { annulerDemande } from "@/lib/domain/demande/annuler";
import { DEMARCHES } from "@/lib/domain/demarches";

const numero = z.coerce.number().int().positive();

/** The demande of this parent with that number; anyone else's is "not found", whatever the number sent. */
async function maDemande(usagerId: string, numero: number) {
  const demande = await demandeDuUsager(usagerId, numero);
  if (!demande) throw new AppError("introuvable", "Cette demande est introuvable.");
  return demande;
}

/** Échanges: the parent writes to the agents, with one piece if they wish. */
export const envoyerMessageAction = actionUsager(
  "demande.message",
  // (the field is "message": the page's main content already holds the id "contenu")
  z.object({ numero, message: z.string().default("") }),
  async ({ usager, data, formData }) => {
    const demande = await maDemande(usager.id, data.numero);
    const piece = await pieceDuFormulaire(formData.get("piece"));
    if (!piece.ok) return { ok: false, errors: { piece: piece.message } };
    await envoyerMessage({
      demandeId: demande.id,
      auteur: { kind: "USAGER", usagerId: usager.id },
      contenu: data.message,
      piece: piece.piece,
    });
    revalidatePath(`/demandes/${data.numero}`);
  },
);

/** The parent withdraws the demande (only while no agent has taken it up). */
export const annulerDemandeAction = actionUsager("demande.annuler", z.object({ numero }), async ({ usager, data }) => {
  const demande = await maDemande(usager.id, data.numero);
  await annulerDemande({ usagerId: usager.id, demandeId: demande.id, demarches: DEMARCHES });
  redirect(`/demandes/${data.numero}?onglet=historique`);
});
