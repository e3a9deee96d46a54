// The console's forms for the portal's pages (Actualités, Documents utiles, Infos pratiques), checked on the
// server by these schemas, and the rule the documents' files are held to.
import { z } from "zod";
import { optionnel, requis } from "@/lib/champs";
import type { UploadRule } from "@/lib/storage/upload-check";
import { TYPES_PIECE } from "@/lib/domain/inscription/regles";
import type { TypePiece } from "@/lib/generated/prisma/enums";

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

export const descriptionActiviteSchema = z.object({
  description: requis(2_000, "Écrivez la description de l'activité."),
});

/** A lieu, groupe or unité of an activity: its name as parents read it in the wizard. */
export const elementActiviteSchema = z.object({
  libelle: requis(100, "Indiquez le nom."),
});

/** What an activity asks of each of the seven pièces: required, optional (offered) or not asked at all. */
export const EXIGENCES_PIECE = {
  OBLIGATOIRE: "Obligatoire",
  FACULTATIVE: "Facultative",
  NON_DEMANDEE: "Non demandée",
} as const;
export type ExigencePiece = keyof typeof EXIGENCES_PIECE;
export const exigencePiece = z.enum(["OBLIGATOIRE", "FACULTATIVE", "NON_DEMANDEE"], {
  error: "Choisissez : obligatoire, facultative ou non demandée.",
});
/** One answer for each of the seven pièces, keyed by its type. */
export const piecesActiviteSchema = z.object(
  Object.fromEntries(TYPES_PIECE.map((type) => [type, exigencePiece])) as Record<TypePiece, typeof exigencePiece>,
);
