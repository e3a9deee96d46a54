// The "Créer mon espace" wizard's steps and their zod schemas, shared by the browser and the server.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordRuleError } from "@/lib/auth/password-rule";
import {
  courriel,
  dateNaissanceOptionnelle,
  nomDePersonne,
  nomDePersonneOptionnel,
  NOM_MAX,
  optionnel,
  telephone,
} from "@/lib/champs";

export const ETAPES = [
  { slug: "bienvenue", titre: "Bienvenue", icone: "accueil" },
  { slug: "cgu", titre: "CGU", icone: "document" },
  { slug: "identite", titre: "Identité", icone: "personne" },
  { slug: "adresse", titre: "Adresse", icone: "adresse" },
  { slug: "contact", titre: "Moyens de contact", icone: "courriel" },
  { slug: "authentification", titre: "Authentification", icone: "cadenas" },
] as const;
export type EtapeSlug = (typeof ETAPES)[number]["slug"];

export const etapeIndex = (slug: string) => ETAPES.findIndex((etape) => etape.slug === slug);

export const CIVILITES = { MADAME: "Madame", MONSIEUR: "Monsieur" } as const;
export const MOYENS_CONTACT = { COURRIEL: "Courriel", TELEPHONE: "Téléphone", MOBILE: "Mobile" } as const;

export const cguSchema = z.object({
  accepte: z.literal("on", { error: "Vous devez accepter les conditions générales d'utilisation pour continuer." }),
});

export const identiteSchema = z.object({
  civilite: z.enum(["MADAME", "MONSIEUR"], { error: "Choisissez votre civilité : Madame ou Monsieur." }),
  nomUsage: nomDePersonne(NOM_MAX, "Indiquez votre nom usuel."),
  nomNaissance: nomDePersonneOptionnel(NOM_MAX, "Nom de naissance"),
  prenoms: nomDePersonne(NOM_MAX, "Indiquez votre ou vos prénoms."),
  dateNaissance: dateNaissanceOptionnelle,
  paysNaissance: optionnel(NOM_MAX, "Pays de naissance"),
  departementNaissance: optionnel(NOM_MAX, "Département de naissance"),
  communeNaissance: optionnel(NOM_MAX, "Commune de naissance"),
});

export const adresseSchema = z
  .object({
    adresseNumero: optionnel(10, "Numéro"),
    adresseVoie: optionnel(150, "Voie"),
    adresseComplement: optionnel(150, "Complément"),
    codePostal: optionnel(10, "Code postal"),
    ville: optionnel(100, "Ville"),
    pays: optionnel(100, "Pays"),
  })
  .superRefine((adresse, ctx) => {
    const enFrance = !adresse.pays || /^france$/i.test(adresse.pays);
    if (enFrance && adresse.codePostal && !/^\d{5}$/.test(adresse.codePostal)) {
      ctx.addIssue({
        code: "custom",
        path: ["codePostal"],
        message: "Un code postal français compte 5 chiffres, par exemple 64990.",
      });
    }
  });

export const contactSchema = z
  .object({
    telephone: telephone("Téléphone"),
    mobile: telephone("Mobile"),
    courriel: courriel("Indiquez votre adresse de courriel."),
    moyenContactPrefere: z
      .enum(["COURRIEL", "TELEPHONE", "MOBILE"], { error: "Choisissez un moyen de contact dans la liste." })
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .superRefine((contact, ctx) => {
    if (contact.moyenContactPrefere === "TELEPHONE" && !contact.telephone) {
      ctx.addIssue({
        code: "custom",
        path: ["telephone"],
        message: "Indiquez le téléphone, votre moyen de contact préféré.",
      });
    }
    if (contact.moyenContactPrefere === "MOBILE" && !contact.mobile) {
      ctx.addIssue({
        code: "custom",
        path: ["mobile"],
        message: "Indiquez le mobile, votre moyen de contact préféré.",
      });
    }
  });

export const IDENTIFIANT_RULE = "De 3 à 50 caractères : lettres sans accent, chiffres, point, tiret, tiret bas ou @.";

/** The part of the last step kept in the draft (never the password). */
export const authentificationBrouillonSchema = z.object({
  identifiant: z
    .string({ error: "Choisissez un identifiant." })
    .trim()
    .min(1, { error: "Choisissez un identifiant." })
    .regex(/^[A-Za-z0-9._@-]{3,50}$/, { error: IDENTIFIANT_RULE }),
  cleEnfance: optionnel(20, "Clé Enfance"),
});

/** The last step of a space begun with FranceConnect: no identifiant (one is generated), no password. */
export const authentificationFranceConnectSchema = authentificationBrouillonSchema.pick({ cleEnfance: true });

export const authentificationSchema = authentificationBrouillonSchema
  .extend({
    motDePasse: z
      .string({ error: "Choisissez un mot de passe." })
      .min(1, { error: "Choisissez un mot de passe." })
      .max(PASSWORD_MAX_LENGTH, {
        error: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
      }),
    confirmation: z.string({ error: "Confirmez le mot de passe." }).min(1, { error: "Confirmez le mot de passe." }),
  })
  .superRefine((auth, ctx) => {
    const error = passwordRuleError(auth.motDePasse, auth.identifiant);
    if (error) ctx.addIssue({ code: "custom", path: ["motDePasse"], message: error });
    if (auth.confirmation && auth.confirmation !== auth.motDePasse) {
      ctx.addIssue({
        code: "custom",
        path: ["confirmation"],
        message: "La confirmation ne correspond pas au mot de passe.",
      });
    }
  });

export const STEP_SCHEMAS = {
  cgu: cguSchema,
  identite: identiteSchema,
  adresse: adresseSchema,
  contact: contactSchema,
  authentification: authentificationBrouillonSchema,
} as const;

/** The fields a step may keep in the draft: its schema's, nothing else the browser sends (never a password). */
export function champsDuBrouillon(
  etape: keyof typeof STEP_SCHEMAS,
  values: Record<string, string>,
): Record<string, string> {
  const fields = Object.keys(STEP_SCHEMAS[etape].shape);
  return Object.fromEntries(Object.entries(values).filter(([key]) => fields.includes(key)));
}

/** The identity of a new space, as the last step assembles it from the draft. */
export type NouvelEspace = {
  cguVersion: number;
  cguAcceptedAt: Date;
  identite: z.infer<typeof identiteSchema> & { photoKey?: string };
  adresse: z.infer<typeof adresseSchema>;
  contact: z.infer<typeof contactSchema>;
  /** null for a space created through FranceConnect: one is generated from the name (lib/domain/usager/creer.ts) */
  identifiant: string | null;
  /** null for a space created through FranceConnect: it may add a password later */
  motDePasse: string | null;
  cleEnfance?: string;
  /** the FranceConnect identity the space was created from (lib/domain/usager/franceconnect.ts) */
  franceconnectSub?: string;
};

export const motDePasseSchema = z
  .object({
    motDePasse: z.string().min(1, { error: "Choisissez un mot de passe." }),
    confirmation: z.string().min(1, { error: "Confirmez le mot de passe." }),
  })
  .refine((value) => value.confirmation === value.motDePasse, {
    path: ["confirmation"],
    error: "La confirmation ne correspond pas au mot de passe.",
  });

// ——— Mes informations and Modifier mon espace ———

export const changementCourrielSchema = z.object({
  motDePasseActuel: z
    .string({ error: "Indiquez votre mot de passe actuel." })
    .min(1, { error: "Indiquez votre mot de passe actuel." }),
  courriel: courriel("Indiquez la nouvelle adresse de courriel."),
});

export const telephonesSchema = z.object({ telephone: telephone("Téléphone"), mobile: telephone("Mobile") });
export type Telephones = z.infer<typeof telephonesSchema>;

export const changementMotDePasseSchema = z
  .object({
    motDePasseActuel: z
      .string({ error: "Indiquez votre mot de passe actuel." })
      .min(1, { error: "Indiquez votre mot de passe actuel." }),
    motDePasse: z
      .string({ error: "Choisissez un mot de passe." })
      .min(1, { error: "Choisissez un mot de passe." })
      .max(PASSWORD_MAX_LENGTH, {
        error: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
      }),
    confirmation: z.string({ error: "Confirmez le mot de passe." }).min(1, { error: "Confirmez le mot de passe." }),
  })
  .refine((value) => value.confirmation === value.motDePasse, {
    path: ["confirmation"],
    error: "La confirmation ne correspond pas au mot de passe.",
  });

export const confirmationMotDePasseSchema = z.object({
  motDePasseActuel: z
    .string({ error: "Indiquez votre mot de passe pour confirmer." })
    .min(1, { error: "Indiquez votre mot de passe pour confirmer." }),
});
