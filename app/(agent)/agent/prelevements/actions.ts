"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { modifierParametresPrelevement, parametresPrelevementSchema } from "@/lib/domain/prelevement/parametres";
import { rejeterPrelevement } from "@/lib/domain/prelevement/rejet";
import { importerRejets } from "@/lib/domain/prelevement/rejet-import";
import { lancerRun, moisDuRun } from "@/lib/domain/prelevement/run";
import { maintenant } from "@/lib/web/horloge";

const moisSchema = z.object({
  mois: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}$/, "Choisissez un mois."),
});

// The preview is read by the page (?mois=…): the action only refuses a month not invoiced yet, beside the field.
export const voirMoisAction = actionAgent(
  "voirPrelevementsDuMois",
  moisSchema,
  async ({ data }) => {
    moisDuRun(data.mois, await maintenant());
    redirect(`/agent/prelevements?mois=${data.mois}`);
  },
  { role: "ADMIN" },
);

export const lancerRunAction = actionAgent(
  "lancerPrelevements",
  moisSchema,
  async ({ agent, data }) => {
    const run = await lancerRun({ agentId: agent.id, mois: data.mois, now: await maintenant() });
    redirect(`/agent/prelevements?mois=${data.mois}&run=${run.id}`);
  },
  { role: "ADMIN" },
);

export const modifierParametresPrelevementAction = actionAgent(
  "modifierParametresPrelevement",
  parametresPrelevementSchema,
  async ({ agent, data }) => {
    await modifierParametresPrelevement({ agentId: agent.id, data });
    revalidatePath("/agent/prelevements/parametres");
    return { message: "Paramètres du prélèvement automatique enregistrés." };
  },
  { role: "ADMIN" },
);

const rejetSchema = z.object({
  reference: z.string().trim().min(1, "Indiquez la référence du prélèvement ou le RUM du mandat.").max(60),
  code: z.string().trim().min(1, "Indiquez le code de rejet donné par la banque.").max(10),
  date: z.string().trim().max(10),
});

export const rejeterPrelevementAction = actionAgent(
  "rejeterPrelevement",
  rejetSchema,
  async ({ agent, data }) => {
    const { suspendu } = await rejeterPrelevement({
      agentId: agent.id,
      reference: data.reference,
      code: data.code,
      date: data.date || undefined,
      now: await maintenant(),
    });
    revalidatePath("/agent/prelevements/rejets");
    return {
      message: `Rejet enregistré : la facture est de nouveau à payer et la famille est prévenue par courriel.${
        suspendu ? " Le mandat est suspendu (rejets successifs)." : ""
      }`,
    };
  },
  { role: "ADMIN" },
);

const importSchema = z.object({ csv: z.string().trim().max(1_000_000, "Le fichier est trop long.") });

/** The CSV pasted, else the file chosen (a few kilobytes: the proxy refuses a form above 1 MB). */
async function texteCsv(colle: string, formData: FormData): Promise<string> {
  if (colle) return colle;
  const fichier = formData.get("fichier");
  return fichier instanceof File && fichier.size > 0 ? (await fichier.text()).slice(0, 1_000_000) : "";
}

export const importerRejetsAction = actionAgent(
  "importerRejets",
  importSchema,
  async ({ agent, data, values, formData }) => {
    const csv = await texteCsv(data.csv, formData);
    if (!csv.trim())
      return { ok: false, errors: { csv: "Choisissez le fichier CSV de la banque ou collez ses lignes." } };
    const { appliques, erreurs } = await importerRejets({ agentId: agent.id, csv, now: await maintenant() });
    revalidatePath("/agent/prelevements/rejets");
    const bilan = `${appliques} rejet${appliques > 1 ? "s" : ""} enregistré${appliques > 1 ? "s" : ""}.`;
    if (erreurs.length === 0) return { message: bilan };
    return {
      ok: false,
      values,
      errors: { csv: erreurs.map((e) => `Ligne ${e.ligne} : ${e.message}`).join(" ") },
      message: `${bilan} Lignes en erreur, non enregistrées : ${erreurs.map((e) => `ligne ${e.ligne} (${e.message})`).join(" ; ")}`,
    };
  },
  { role: "ADMIN" },
);
