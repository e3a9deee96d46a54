"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { checkUpload, LOGO_RULE } from "@/lib/storage/upload-check";
import { changerLogo } from "@/lib/domain/commune/changer-logo";
import { communeModifiee } from "@/lib/domain/commune/gabarit";
import { modifierCommune } from "@/lib/domain/commune/modifier";
import { publierDocument } from "@/lib/domain/commune/publier-document";
import { communeSchema, documentSchema } from "@/lib/domain/commune/schemas";

// The commune's name and logo appear on every page's frame, read under the tag `commune`: communeModifiee()
// renders again the pages served from the cache and refreshes the admin's. The documents are read by their
// own pages: the whole site is rendered again.
const toutLeSite = () => revalidatePath("/", "layout");
const ADMIN = { role: "ADMIN" } as const;

export const enregistrerCommuneAction = actionAgent(
  "enregistrerCommune",
  communeSchema,
  async ({ agent, data, values }) => {
    const { champs } = await modifierCommune({ agentId: agent.id, saisie: data });
    communeModifiee();
    return {
      values,
      message: champs.length ? "Les paramètres de la commune sont enregistrés." : "Aucun paramètre n'a changé.",
    };
  },
  ADMIN,
);

export const envoyerLogoAction = actionAgent(
  "envoyerLogo",
  z.object({}),
  async ({ agent, formData }) => {
    const fichier = formData.get("logo");
    if (!(fichier instanceof File) || fichier.size === 0)
      return { ok: false, values: {}, errors: { logo: "Choisissez une image PNG, JPEG ou WebP." } };
    const check = await checkUpload(fichier, LOGO_RULE);
    if (!check.ok) return { ok: false, values: {}, errors: { logo: check.message } };
    await changerLogo({ agentId: agent.id, bytes: check.bytes });
    communeModifiee();
    return { message: "Le logo est en place." };
  },
  ADMIN,
);

export const retirerLogoAction = actionAgent(
  "retirerLogo",
  z.object({}),
  async ({ agent }) => {
    await changerLogo({ agentId: agent.id, bytes: null });
    communeModifiee();
  },
  ADMIN,
);

export const publierDocumentAction = actionAgent(
  "publierDocument",
  documentSchema,
  async ({ agent, data, values }) => {
    const { version } = await publierDocument({ agentId: agent.id, type: data.type, contenu: data.contenu });
    toutLeSite();
    return { values, message: `La version ${version} est publiée.` };
  },
  ADMIN,
);
