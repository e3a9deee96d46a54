"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
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

/** The row a button of a list acts on (the commands refuse an id they do not know). */
const ligneSchema = z.object({ id: z.string().max(100).default("") });

export const creerActualiteAction = actionAgent("creerActualite", actualiteSchema, async ({ agent, data }) => {
  await creerActualite({ agentId: agent.id, saisie: data });
  rafraichir("/actualites");
  return {
    message:
      data.statut === "PUBLIEE"
        ? `L'actualité « ${data.titre} » est publiée.`
        : `L'actualité « ${data.titre} » est enregistrée en brouillon.`,
  };
});

export const modifierActualiteAction = actionAgent(
  "modifierActualite",
  actualiteSchema,
  async ({ agent, data, values }) => {
    await modifierActualite({ agentId: agent.id, id: values.id ?? "", saisie: data });
    rafraichir("/actualites");
    redirect("/agent/portail#actualites");
  },
);

export const changerPublicationAction = actionAgent(
  "changerPublication",
  ligneSchema,
  async ({ agent, data, values }) => {
    await changerPublication({ agentId: agent.id, id: data.id, publier: values.publier === "oui" });
    rafraichir("/actualites");
  },
);

export const supprimerActualiteAction = actionAgent("supprimerActualite", ligneSchema, async ({ agent, data }) => {
  await supprimerActualite({ agentId: agent.id, id: data.id });
  rafraichir("/actualites");
});

export const ajouterDocumentUtileAction = actionAgent(
  "ajouterDocumentUtile",
  documentUtileSchema,
  async ({ agent, data, formData }) => {
    const fichier = formData.get("fichier");
    await ajouterDocumentUtile({ agentId: agent.id, saisie: data, fichier: fichier instanceof File ? fichier : null });
    rafraichir("/documents-utiles");
    return { message: `Le document « ${data.intitule} » est publié.` };
  },
);

export const retirerDocumentUtileAction = actionAgent("retirerDocumentUtile", ligneSchema, async ({ agent, data }) => {
  await retirerDocumentUtile({ agentId: agent.id, id: data.id });
  rafraichir("/documents-utiles");
});

export const modifierInfosPratiquesAction = actionAgent(
  "modifierInfosPratiques",
  infosPratiquesSchema,
  async ({ agent, data, values }) => {
    await modifierInfosPratiques({ agentId: agent.id, saisie: data });
    rafraichir("/infos-pratiques");
    return { values, message: "Les infos pratiques sont enregistrées." };
  },
);
