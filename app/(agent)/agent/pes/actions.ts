"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent, type Issue } from "@/lib/action";
import { lireEuros } from "@/lib/argent/argent";
import { genererBordereau } from "@/lib/domain/pes/generer";
import { importerReponses } from "@/lib/domain/pes/import";
import { modifierParametresPes, parametresPesSchema } from "@/lib/domain/pes/parametres";
import { marquerTitre, titreParNumero, type Reponse } from "@/lib/domain/pes/reponses";
import { AppError } from "@/lib/errors";
import { moisEnClair } from "@/lib/temps/periode";
import { maintenant } from "@/lib/web/horloge";
import { estJour } from "@/lib/temps/jours";

export const modifierParametresPesAction = actionAgent(
  "modifierParametresPes",
  parametresPesSchema,
  async ({ agent, data }) => {
    await modifierParametresPes({ agentId: agent.id, data });
    revalidatePath("/agent/pes");
    return { message: "Paramètres PES enregistrés." };
  },
  { role: "ADMIN" },
);

const moisSchema = z.object({
  mois: z
    .string()
    .trim()
    .refine((t) => /^\d{4}-\d{2}$/.test(t) && estJour(`${t}-01`), "Choisissez un mois facturé."),
});

export const genererBordereauAction = actionAgent(
  "genererBordereauPes",
  moisSchema,
  async ({ agent, data }) => {
    const mois = `${data.mois}-01`;
    const b = await genererBordereau({ mois, agentId: agent.id, now: await maintenant() });
    revalidatePath("/agent/pes");
    return {
      message: `Bordereau n° ${b.numero} créé pour ${moisEnClair(mois)} : ${b.nombrePieces} pièce${b.nombrePieces > 1 ? "s" : ""}. Téléchargez son fichier ci-dessous.`,
    };
  },
  { role: "ADMIN" },
);

const reponseSchema = z.object({
  bordereauId: z.uuid(),
  numero: z.string().trim().min(1, "Indiquez le numéro de la facture, de l'avoir ou de la pièce (IdPce)."),
  etat: z.enum(["PRIS_EN_CHARGE", "REJETE", "RECOUVRE"], { error: "Choisissez la réponse du comptable." }),
  motif: z.string().trim().max(500, "500 caractères au plus.").default(""),
  montant: z.string().trim().default(""),
  date: z.string().trim().default(""),
});

/** One title answered by hand: its number, the comptable's answer and what goes with it, beside each field. */
export const marquerTitreAction = actionAgent(
  "marquerTitrePes",
  reponseSchema,
  async ({ agent, data }): Promise<Issue> => {
    const numero = data.numero.toUpperCase();
    const titre = await titreParNumero(data.bordereauId, numero);
    if (!titre) {
      return { ok: false, errors: { numero: "Aucun titre de ce bordereau n'a ce numéro." } };
    }
    let reponse: Reponse;
    if (data.etat === "PRIS_EN_CHARGE") reponse = { statut: "PRIS_EN_CHARGE" };
    else if (data.etat === "REJETE") {
      if (!data.motif) return { ok: false, errors: { motif: "Indiquez le motif du rejet." } };
      reponse = { statut: "REJETE", motif: data.motif };
    } else {
      const euros = lireEuros(data.montant);
      if (!euros || euros.lte(0) || !euros.isInteger()) {
        return { ok: false, errors: { montant: "Indiquez le montant recouvré en euros, par exemple 48,45." } };
      }
      if (!estJour(data.date)) return { ok: false, errors: { date: "Indiquez la date du recouvrement." } };
      reponse = { statut: "RECOUVRE", montantCentimes: euros.toNumber(), date: data.date };
    }
    try {
      await marquerTitre({ titreId: titre.id, reponse, agentId: agent.id, now: await maintenant() });
    } catch (error) {
      if (error instanceof AppError) return { ok: false, errors: { etat: error.message } };
      throw error;
    }
    revalidatePath(`/agent/pes/${data.bordereauId}`);
    return { message: `Réponse enregistrée pour ${numero}.` };
  },
  { role: "ADMIN" },
);

/** The comptable's answers from a CSV file: the lines recorded, and each line in error with its number. */
export const importerReponsesAction = actionAgent(
  "importerReponsesPes",
  z.object({ bordereauId: z.uuid() }),
  async ({ agent, data, formData }) => {
    const fichier = formData.get("fichier");
    if (!(fichier instanceof File) || fichier.size === 0) {
      return { ok: false, errors: { fichier: "Choisissez le fichier CSV des réponses du comptable." } };
    }
    // a page's form without a declared file limit may weigh 1 Mo (lib/web/limites-corps.ts): thousands of lines
    if (fichier.size > 900_000) {
      return { ok: false, errors: { fichier: "Le fichier dépasse 900 Ko : importez-le en plusieurs parties." } };
    }
    const octets = new Uint8Array(await fichier.arrayBuffer());
    // a spreadsheet saves CSV in UTF-8 or in Windows-1252: the bytes say which
    let csv: string;
    try {
      csv = new TextDecoder("utf-8", { fatal: true }).decode(octets);
    } catch {
      csv = new TextDecoder("windows-1252").decode(octets);
    }
    const bilan = await importerReponses({
      bordereauId: data.bordereauId,
      csv,
      agentId: agent.id,
      now: await maintenant(),
    });
    revalidatePath(`/agent/pes/${data.bordereauId}`);
    const resume = `${bilan.enregistrees} réponse${bilan.enregistrees > 1 ? "s" : ""} enregistrée${bilan.enregistrees > 1 ? "s" : ""}${bilan.inchangees ? `, ${bilan.inchangees} déjà connue${bilan.inchangees > 1 ? "s" : ""}` : ""}`;
    if (bilan.erreurs.length === 0) return { message: `${resume}.` };
    return {
      ok: false,
      message: `${resume} ; ${bilan.erreurs.length} ligne${bilan.erreurs.length > 1 ? "s" : ""} en erreur, non enregistrée${bilan.erreurs.length > 1 ? "s" : ""}.`,
      extra: { lignesEnErreur: bilan.erreurs },
    };
  },
  { role: "ADMIN" },
);
