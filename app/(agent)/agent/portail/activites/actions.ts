"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent, type Issue } from "@/lib/action";
import { parseForm } from "@/lib/forms";
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
// The ids come from hidden fields: a wrong one is a stale page, said above the form.
const INTROUVABLE: Issue = { ok: false, message: "Cet élément n'existe plus : rechargez la page." };

// The console's page, the public ACTIVITÉS page and the parents' CRÉER UNE INSCRIPTION are shown again at once.
function rafraichir() {
  revalidatePath("/agent/portail/activites");
  revalidatePath("/activites");
  revalidatePath("/inscriptions");
}

export const modifierDescriptionAction = actionAgent(
  "modifierDescriptionActivite",
  descriptionActiviteSchema,
  async ({ agent, data, values }) => {
    const activiteId = identifiant.safeParse(values.activiteId);
    if (!activiteId.success) return INTROUVABLE;
    await modifierDescriptionActivite({
      agentId: agent.id,
      activiteId: activiteId.data,
      description: data.description,
    });
    rafraichir();
    return { values, message: "La description est enregistrée." };
  },
);

export const ajouterElementAction = actionAgent(
  "ajouterElementActivite",
  elementActiviteSchema,
  async ({ agent, data, values }) => {
    const cible = z.object({ activiteId: identifiant, sorte }).safeParse(values);
    if (!cible.success) return INTROUVABLE;
    await ajouterElementActivite({ agentId: agent.id, ...cible.data, libelle: data.libelle });
    rafraichir();
    // the field starts empty again for the next one
    return { message: `« ${data.libelle} » est ajouté.` };
  },
);

/** RENOMMER or RETIRER, the button pressed says which (only a new name needs a libellé). */
export const modifierElementAction = actionAgent("modifierElementActivite", z.object({}), async ({ agent, values }) => {
  const cible = z.object({ id: identifiant, sorte }).safeParse(values);
  if (!cible.success) return INTROUVABLE;
  if (values.operation === "retirer") {
    await retirerElementActivite({ agentId: agent.id, ...cible.data });
    rafraichir();
    return { values, message: "L'élément est retiré." };
  }
  const parsed = parseForm(elementActiviteSchema, values);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  await renommerElementActivite({ agentId: agent.id, ...cible.data, libelle: parsed.data.libelle });
  rafraichir();
  return { values, message: `Le nouveau nom « ${parsed.data.libelle} » est enregistré.` };
});

export const reglerPiecesAction = actionAgent(
  "reglerPiecesActivite",
  piecesActiviteSchema,
  async ({ agent, data, values }) => {
    const activiteId = identifiant.safeParse(values.activiteId);
    if (!activiteId.success) return INTROUVABLE;
    await reglerPiecesActivite({ agentId: agent.id, activiteId: activiteId.data, exigences: data });
    rafraichir();
    return { values, message: "Les pièces demandées sont enregistrées." };
  },
);

export const changerOuvertureAction = actionAgent(
  "changerOuvertureInscriptions",
  z.object({ anneeId: identifiant }),
  async ({ agent, data, values }) => {
    await changerOuvertureInscriptions({
      agentId: agent.id,
      anneeId: data.anneeId,
      ouvertes: values.ouvertes === "oui",
    });
    rafraichir();
  },
);
