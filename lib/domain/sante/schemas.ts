// The dossier santé's form, as the seed lays it out (MÉDECIN TRAITANT, HABITUDES ALIMENTAIRES, ALLERGIES,
// COMMENTAIRE, Demande de PAI), with issue 26's follow-up (VACCINATIONS, TRAITEMENTS EN COURS, the signed PAI:
// suivi.ts), and the record a validated version keeps. Its messages never repeat what was
// typed: a health detail must not reach a log through an error.
import { z } from "zod";
import { optionnel, telephone } from "@/lib/champs";
import { fieldErrors } from "@/lib/forms";
import type { Jour } from "@/lib/temps/jours-calcul";
import {
  CHAMPS_DOCUMENT_PAI,
  CHAMPS_SUIVI,
  lireSuivi,
  SUIVI_VIDE,
  valeursDuSuivi,
  type SuiviSante,
} from "@/lib/domain/sante/suivi";

export const HABITUDES = {
  SANS_PORC: "Sans porc",
  SANS_VIANDE: "Sans viande",
  VEGETARIEN: "Végétarien",
  AUTRE: "Autre",
} as const;
export type Habitude = keyof typeof HABITUDES;

/** The 14 allergens of annex II of EU regulation 1169/2011 (information of consumers on food), then "Autre". */
export const ALLERGENES = {
  GLUTEN: "Gluten",
  CRUSTACES: "Crustacés",
  OEUFS: "Œufs",
  POISSONS: "Poissons",
  ARACHIDES: "Arachides",
  SOJA: "Soja",
  LAIT: "Lait",
  FRUITS_A_COQUE: "Fruits à coque",
  CELERI: "Céleri",
  MOUTARDE: "Moutarde",
  SESAME: "Graines de sésame",
  SULFITES: "Anhydride sulfureux et sulfites",
  LUPIN: "Lupin",
  MOLLUSQUES: "Mollusques",
  AUTRE: "Autre",
} as const;
export type Allergene = keyof typeof ALLERGENES;

/** A checkbox of each list is its own field ("habitude_SANS_PORC", "allergie_ARACHIDES"), "on" when ticked. */
export const champHabitude = (code: Habitude) => `habitude_${code}`;
export const champAllergie = (code: Allergene) => `allergie_${code}`;

/** Every field of the form: anything else posted is dropped before it is stored. */
export const CHAMPS_SANTE = [
  "medecinNom",
  "medecinCommune",
  "medecinTelephone",
  ...(Object.keys(HABITUDES) as Habitude[]).map(champHabitude),
  "habitudeAutre",
  ...(Object.keys(ALLERGENES) as Allergene[]).map(champAllergie),
  "allergieAutre",
  "commentaire",
  "pai",
  ...CHAMPS_SUIVI,
  ...CHAMPS_DOCUMENT_PAI,
];

export type FicheSante = SuiviSante & {
  medecin: { nom: string; commune: string | null; telephone: string | null } | null;
  habitudes: Habitude[];
  habitudeAutre: string | null;
  allergies: Allergene[];
  allergieAutre: string | null;
  commentaire: string | null;
  pai: boolean;
};

const texte = z
  .object({
    medecinNom: optionnel(100, "Nom du médecin"),
    medecinCommune: optionnel(100, "Commune du médecin"),
    medecinTelephone: telephone("Téléphone du médecin"),
    habitudeAutre: optionnel(200, "Autre habitude alimentaire"),
    allergieAutre: optionnel(200, "Autre allergie"),
    commentaire: optionnel(2000, "Commentaire"),
  })
  .superRefine((v, ctx) => {
    if (!v.medecinNom && (v.medecinCommune || v.medecinTelephone)) {
      ctx.addIssue({
        code: "custom",
        path: ["medecinNom"],
        message: "Indiquez le nom du médecin traitant, ou videz sa commune et son téléphone.",
      });
    }
  });

/** Only the form's own fields, as strings. */
export function champsSante(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    CHAMPS_SANTE.flatMap((champ) =>
      typeof values[champ] === "string" && values[champ] !== "" ? [[champ, values[champ] as string]] : [],
    ),
  );
}

/** The fiche the values make, or their errors; `aujourdhui` (Europe/Paris) refuses injections in the future. */
export function lireFiche(
  values: Record<string, string>,
  aujourdhui?: Jour,
): { ok: true; fiche: FicheSante } | { ok: false; errors: Record<string, string> } {
  const parsed = texte.safeParse(values);
  const suivi = lireSuivi(values, aujourdhui);
  const errors: Record<string, string> = { ...suivi.errors, ...(parsed.success ? {} : fieldErrors(parsed.error)) };
  const coche = (champ: string) => values[champ] === "on";
  const habitudes = (Object.keys(HABITUDES) as Habitude[]).filter((code) => coche(champHabitude(code)));
  const allergies = (Object.keys(ALLERGENES) as Allergene[]).filter((code) => coche(champAllergie(code)));
  if (habitudes.includes("SANS_VIANDE") && habitudes.includes("VEGETARIEN")) {
    errors[champHabitude("VEGETARIEN")] ??= "Cochez « Sans viande » ou « Végétarien », pas les deux.";
  }
  if (habitudes.includes("AUTRE") && !values.habitudeAutre?.trim())
    errors.habitudeAutre ??= "Précisez l'autre habitude alimentaire.";
  if (allergies.includes("AUTRE") && !values.allergieAutre?.trim())
    errors.allergieAutre ??= "Précisez l'autre allergie.";
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const v = parsed.data;
  return {
    ok: true,
    fiche: {
      medecin: v.medecinNom
        ? { nom: v.medecinNom, commune: v.medecinCommune ?? null, telephone: v.medecinTelephone ?? null }
        : null,
      habitudes,
      habitudeAutre: habitudes.includes("AUTRE") ? (v.habitudeAutre ?? null) : null,
      allergies,
      allergieAutre: allergies.includes("AUTRE") ? (v.allergieAutre ?? null) : null,
      commentaire: v.commentaire ?? null,
      pai: coche("pai"),
      ...suivi.suivi,
    },
  };
}

/** A version validated before issue 26 lacks the follow-up: read as « nothing known ». */
export const ficheComplete = (fiche: Partial<FicheSante>): FicheSante => ({ ...SUIVI_VIDE, ...fiche }) as FicheSante;

/** The form prefilled with a validated version, for the next update. */
export function valeursDeFiche(fiche: FicheSante): Record<string, string> {
  const values: Record<string, string | null | undefined> = {
    medecinNom: fiche.medecin?.nom,
    medecinCommune: fiche.medecin?.commune,
    medecinTelephone: fiche.medecin?.telephone,
    habitudeAutre: fiche.habitudeAutre,
    allergieAutre: fiche.allergieAutre,
    commentaire: fiche.commentaire,
    pai: fiche.pai ? "on" : null,
    ...Object.fromEntries(fiche.habitudes.map((code) => [champHabitude(code), "on"])),
    ...Object.fromEntries(fiche.allergies.map((code) => [champAllergie(code), "on"])),
    ...valeursDuSuivi(ficheComplete(fiche)),
  };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** "Sans porc, Autre : halal", for the recap and the dossier's page. */
export function libellesHabitudes(fiche: FicheSante): string[] {
  return fiche.habitudes.map((code) =>
    code === "AUTRE" && fiche.habitudeAutre ? `Autre : ${fiche.habitudeAutre}` : HABITUDES[code],
  );
}

export function libellesAllergies(fiche: FicheSante): string[] {
  return fiche.allergies.map((code) =>
    code === "AUTRE" && fiche.allergieAutre ? `Autre : ${fiche.allergieAutre}` : ALLERGENES[code],
  );
}
