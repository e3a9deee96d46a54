"use server";
// The buttons every démarche shares under its recap and on its cancel page (VALIDER, < RETOUR À L'ÉTAPE 1,
// ANNULER LA DÉMARCHE): they take the demande's id from the form and only ever reach the caller's own demande.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { annulerDemande } from "@/lib/domain/demande/annuler";
import { demandeEditable, revenirEtape1 } from "@/lib/domain/demande/brouillon";
import { deposerDemande } from "@/lib/domain/demande/deposer";
import { demandeIntrouvable } from "@/lib/domain/demande/transition";
import { DEMARCHES, liensReprise } from "@/lib/domain/demarches";

const schema = z.object({ demande: z.string().min(1, "Cette demande est introuvable.") });

async function maDemande(usagerId: string, demandeId: string) {
  const demande = await demandeEditable(usagerId, demandeId);
  const liens = demande && liensReprise(demande);
  if (!demande || !liens) redirect("/mon-espace");
  return { demande, liens };
}

/** VALIDER: deposited through the engine (the type's check runs again there), then its confirmation page. */
export const validerDemarche = actionUsager("demarche.valider", schema, async ({ usager, data }) => {
  const { demande } = await maDemande(usager.id, data.demande);
  const { numero } = await deposerDemande({ usagerId: usager.id, demandeId: demande.id, demarches: DEMARCHES });
  revalidatePath("/mon-espace");
  redirect(`/demandes/${numero}/enregistree`);
});

/** < RETOUR À L'ÉTAPE 1 */
export const retourEtape1Demarche = actionUsager("demarche.retour", schema, async ({ usager, data }) => {
  const { demande, liens } = await maDemande(usager.id, data.demande);
  await revenirEtape1({ usagerId: usager.id, demandeId: demande.id });
  redirect(liens.reprendre);
});

/** ANNULER LA DÉMARCHE, confirmed: a draft is deleted; a demande sent back « à compléter » stays as it is. */
export const annulerDemarche = actionUsager("demarche.annuler", schema, async ({ usager, data }) => {
  const { demande, liens } = await maDemande(usager.id, data.demande);
  if (demande.statut !== "BROUILLON") throw demandeIntrouvable();
  await annulerDemande({ usagerId: usager.id, demandeId: demande.id, demarches: DEMARCHES });
  revalidatePath("/mon-espace");
  redirect(liens.apresAnnulation);
});
