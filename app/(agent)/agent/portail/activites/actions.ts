"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAgent } from "@/lib/auth/current";
import { appErrorState, formValues, parseForm, type FormState } from "@/lib/forms";
import {
  ajouterElementActivite,
  changerOuvertureInscriptions,
  modifierDescriptionActivite,
  reglerPiecesActivite,
  renommerElementActivite,
  retirerElementActivite,
} from "@/lib/domain/portail/activites";
import { descriptionActiviteSchema, elementActiviteSchema, piecesActiviteSchema } from "@/lib/domain/portail/schemas";

const identifiant = z.coerce.number().int().positive();
const sorte = z.enum(["lieu", "groupe", "unite"]);
const introuvable = (values: Record<string, string>): FormState => ({
  values,
  errors: {},
  message: "Cet élément n'existe plus : rechargez la page.",
});

// The console's page, the public ACTIVITÉS page and the parents' CRÉER UNE INSCRIPTION are shown again at once.
function rafraichir() {
  revalidatePath("/agent/portail/activites");
  revalidatePath("/activites");
  revalidatePath("/inscriptions");
}

/** Runs a command, its refusal (beside its field, or above the form) keeping what was typed. */
async function executer(
  values: Record<string, string>,
  commande: () => Promise<unknown>,
  message: string,
): Promise<FormState> {
  try {
    await commande();
  } catch (error) {
    return appErrorState(error, values);
  }
  rafraichir();
  return { values, errors: {}, ok: true, message };
}

export async function modifierDescriptionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const activiteId = identifiant.safeParse(values.activiteId);
  if (!activiteId.success) return introuvable(values);
  const parsed = parseForm(descriptionActiviteSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  return executer(
    values,
    () =>
      modifierDescriptionActivite({
        agentId: agent.id,
        activiteId: activiteId.data,
        description: parsed.data.description,
      }),
    "La description est enregistrée.",
  );
}

export async function ajouterElementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const cible = z.object({ activiteId: identifiant, sorte }).safeParse(values);
  if (!cible.success) return introuvable(values);
  const parsed = parseForm(elementActiviteSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  const { libelle } = parsed.data;
  const resultat = await executer(
    values,
    () => ajouterElementActivite({ agentId: agent.id, ...cible.data, libelle }),
    `« ${libelle} » est ajouté.`,
  );
  // the field starts empty again for the next one
  return resultat.ok ? { ...resultat, values: {} } : resultat;
}

/** RENOMMER or RETIRER, the button pressed says which. */
export async function modifierElementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const cible = z.object({ id: identifiant, sorte }).safeParse(values);
  if (!cible.success) return introuvable(values);
  if (values.operation === "retirer")
    return executer(
      values,
      () => retirerElementActivite({ agentId: agent.id, ...cible.data }),
      "L'élément est retiré.",
    );
  const parsed = parseForm(elementActiviteSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  return executer(
    values,
    () => renommerElementActivite({ agentId: agent.id, ...cible.data, libelle: parsed.data.libelle }),
    `Le nouveau nom « ${parsed.data.libelle} » est enregistré.`,
  );
}

export async function reglerPiecesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { agent } = await requireAgent();
  const values = formValues(formData);
  const activiteId = identifiant.safeParse(values.activiteId);
  if (!activiteId.success) return introuvable(values);
  const parsed = parseForm(piecesActiviteSchema, values);
  if (!parsed.success) return { values, errors: parsed.errors };
  return executer(
    values,
    () => reglerPiecesActivite({ agentId: agent.id, activiteId: activiteId.data, exigences: parsed.data }),
    "Les pièces demandées sont enregistrées.",
  );
}

export async function changerOuvertureAction(formData: FormData): Promise<void> {
  const { agent } = await requireAgent();
  const anneeId = identifiant.safeParse(formData.get("anneeId"));
  if (!anneeId.success) return;
  await changerOuvertureInscriptions({
    agentId: agent.id,
    anneeId: anneeId.data,
    ouvertes: formData.get("ouvertes") === "oui",
  });
  rafraichir();
}
