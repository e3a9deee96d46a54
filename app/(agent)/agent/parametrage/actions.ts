"use server";

import { revalidatePath } from "next/cache";
import { requireAgent } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { formValues, parseForm, type FormState } from "@/lib/forms";
import { checkUpload, LOGO_RULE } from "@/lib/storage/upload-check";
import { changerLogo } from "@/lib/domain/commune/changer-logo";
import { modifierCommune } from "@/lib/domain/commune/modifier";
import { publierDocument } from "@/lib/domain/commune/publier-document";
import { communeSchema, documentSchema } from "@/lib/domain/commune/schemas";

// The commune's name, logo and documents appear on every page: the whole site is rendered again.
const toutLeSite = () => revalidatePath("/", "layout");

export async function enregistrerCommuneAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent("ADMIN");
  const values = formValues(formData);
  const parsed = parseForm(communeSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  const { champs } = await modifierCommune({ agentId: agent.id, saisie: parsed.data });
  toutLeSite();
  return {
    values,
    errors: {},
    ok: true,
    message: champs.length ? "Les paramètres de la commune sont enregistrés." : "Aucun paramètre n'a changé.",
  };
}

export async function envoyerLogoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent("ADMIN");
  const fichier = formData.get("logo");
  if (!(fichier instanceof File) || fichier.size === 0)
    return { values: {}, errors: { logo: "Choisissez une image PNG, JPEG ou WebP." } };
  const check = await checkUpload(fichier, LOGO_RULE);
  if (!check.ok) return { values: {}, errors: { logo: check.message } };
  await changerLogo({ agentId: agent.id, bytes: check.bytes });
  toutLeSite();
  return { values: {}, errors: {}, ok: true, message: "Le logo est en place." };
}

export async function retirerLogoAction(): Promise<void> {
  const { agent } = await requireAgent("ADMIN");
  await changerLogo({ agentId: agent.id, bytes: null });
  toutLeSite();
}

export async function publierDocumentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent("ADMIN");
  const values = formValues(formData);
  const parsed = parseForm(documentSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  try {
    const { version } = await publierDocument({
      agentId: agent.id,
      type: parsed.data.type,
      contenu: parsed.data.contenu,
    });
    toutLeSite();
    return { values, errors: {}, ok: true, message: `La version ${version} est publiée.` };
  } catch (error) {
    if (error instanceof AppError)
      return {
        values,
        errors: error.field ? { [error.field]: error.message } : {},
        message: error.field ? undefined : error.message,
      };
    throw error;
  }
}
