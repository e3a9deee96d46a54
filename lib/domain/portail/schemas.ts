// The console's forms for the portal's pages (Actualités, Documents utiles, Infos pratiques), checked on the
// server by these schemas, and the rule the documents' files are held to.
import { z } from "zod";
import { optionnel, requis } from "@/lib/champs";
import type { UploadRule } from "@/lib/storage/upload-check";

export const actualiteSchema = z.object({
  titre: requis(150, "Indiquez le titre de l'actualité."),
  texte: requis(5_000, "Écrivez le texte de l'actualité."),
  statut: z.enum(["PUBLIEE", "BROUILLON"], { error: "Choisissez : publier maintenant ou garder en brouillon." }),
});
export type ActualiteSaisie = z.infer<typeof actualiteSchema>;

export const CATEGORIES_DOCUMENT = { REGLEMENT: "Règlement", MENUS: "Menus", FORMULAIRES: "Formulaires" } as const;
export type CategorieDocument = keyof typeof CATEGORIES_DOCUMENT;

// Its title is "intitule" in the form: the Actualités form on the same page already has a "titre" field.
export const documentUtileSchema = z.object({
  intitule: requis(150, "Indiquez le titre du document."),
  categorie: z.enum(["REGLEMENT", "MENUS", "FORMULAIRES"], { error: "Choisissez la catégorie du document." }),
});
export type DocumentUtileSaisie = z.infer<typeof documentUtileSchema>;

/** Documents utiles are read by everyone, on any device: PDF and the two image types every browser shows. */
export const DOCUMENT_UTILE_RULE: UploadRule = {
  maxBytes: 10 * 1024 * 1024,
  types: { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" },
};

export const infosPratiquesSchema = z.object({
  horaires: optionnel(2_000, "Horaires"),
  adresse: optionnel(500, "Adresse"),
  contacts: optionnel(2_000, "Contacts"),
});
export type InfosPratiquesSaisie = z.infer<typeof infosPratiquesSchema>;
