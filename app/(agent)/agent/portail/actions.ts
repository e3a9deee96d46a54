"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAgent } from "@/lib/auth/current";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import {
  changerPublication,
  creerActualite,
  modifierActualite,
  supprimerActualite,
} from "@/lib/domain/portail/actualites";
import { ajouterDocumentUtile, retirerDocumentUtile } from "@/lib/domain/portail/documents-utiles";
import { modifierInfosPratiques } from "@/lib/domain/portail/infos-pratiques";
import { actualiteSchema, documentUtileSchema, infosPratiquesSchema } from "@/lib/domain/portail/schemas";

// The console's page and the public page it feeds are shown again at once.
function rafraichir(publique: string) {
  revalidatePath("/agent/portail");
  revalidatePath(publique);
}

export async function creerActualiteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const parsed = parseForm(actualiteSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  try {
    await creerActualite({ agentId: agent.id, saisie: parsed.data });
  } catch (error) {
    return appErrorState(error, values);
  }
  rafraichir("/actualites");
  const message =
    parsed.data.statut === "PUBLIEE"
      ? `L'actualité « ${parsed.data.titre} » est publiée.`
      : `L'actualité « ${parsed.data.titre} » est enregistrée en brouillon.`;
  return { values: {}, errors: {}, ok: true, message };
}

export async function modifierActualiteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const parsed = parseForm(actualiteSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  try {
    await modifierActualite({ agentId: agent.id, id: values.id ?? "", saisie: parsed.data });
  } catch (error) {
    return appErrorState(error, values);
  }
  rafraichir("/actualites");
  redirect("/agent/portail#actualites");
}

export async function changerPublicationAction(formData: FormData): Promise<void> {
  const { agent } = await requireAgent();
  await changerPublication({
    agentId: agent.id,
    id: String(formData.get("id")),
    publier: formData.get("publier") === "oui",
  });
  rafraichir("/actualites");
}

export async function supprimerActualiteAction(formData: FormData): Promise<void> {
  const { agent } = await requireAgent();
  await supprimerActualite({ agentId: agent.id, id: String(formData.get("id")) });
  rafraichir("/actualites");
}

export async function ajouterDocumentUtileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const parsed = parseForm(documentUtileSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  const fichier = formData.get("fichier");
  try {
    await ajouterDocumentUtile({
      agentId: agent.id,
      saisie: parsed.data,
      fichier: fichier instanceof File ? fichier : null,
    });
  } catch (error) {
    return appErrorState(error, values);
  }
  rafraichir("/documents-utiles");
  return { values: {}, errors: {}, ok: true, message: `Le document « ${parsed.data.intitule} » est publié.` };
}

export async function retirerDocumentUtileAction(formData: FormData): Promise<void> {
  const { agent } = await requireAgent();
  await retirerDocumentUtile({ agentId: agent.id, id: String(formData.get("id")) });
  rafraichir("/documents-utiles");
}

export async function modifierInfosPratiquesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const parsed = parseForm(infosPratiquesSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  await modifierInfosPratiques({ agentId: agent.id, saisie: parsed.data });
  rafraichir("/infos-pratiques");
  return { values, errors: {}, ok: true, message: "Les infos pratiques sont enregistrées." };
}
