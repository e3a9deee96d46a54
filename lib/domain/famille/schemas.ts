// "Ajout de famille": the people a parent declares (TITULAIRE DU COMPTE, CO-REPRÉSENTANT, ENFANT(S), CONTACTS),
// with the seed's fields. The draft keeps what was typed, as strings, person by person; these schemas decide
// what is complete, in the browser and on the server, and what the family is made of at acceptance.
import { z } from "zod";
import {
  courriel,
  dateNaissanceOptionnelle,
  jourIso,
  nomDePersonne as champNom,
  nomDePersonneOptionnel as champNomOptionnel,
  optionnel,
  requis,
  telephone,
} from "@/lib/champs";

export const QUALITES = {
  MERE: "Mère",
  PERE: "Père",
  TUTEUR: "Tuteur ou tutrice",
  BEAU_PARENT: "Beau-parent",
  GRAND_PARENT: "Grand-parent",
  AUTRE: "Autre",
} as const;
export const SEXES = { FEMININ: "Féminin", MASCULIN: "Masculin" } as const;
export const MODALITES_CONTACT = {
  STANDARD: "Standard",
  COURRIEL: "Courriel",
  SMS: "SMS",
  COURRIER: "Courrier",
} as const;

export function qualiteLibelle(qualite: keyof typeof QUALITES, autoriteParentale: boolean): string {
  return `${QUALITES[qualite]} (${autoriteParentale ? "avec" : "sans"} autorité parentale)`;
}

export const ADRESSE_CHAMPS = [
  "adresseNumero",
  "adresseVoie",
  "adresseBatiment",
  "adresseAppartement",
  "adresseComplement",
  "codePostal",
  "ville",
  "pays",
  "codeInsee",
] as const;

export const adresseSchema = z
  .object({
    adresseNumero: optionnel(10, "Numéro"),
    adresseVoie: requis(150, "Indiquez le nom de la voie."),
    adresseBatiment: optionnel(50, "Bâtiment"),
    adresseAppartement: optionnel(50, "Appartement"),
    adresseComplement: optionnel(150, "Complément"),
    codePostal: requis(10, "Indiquez le code postal."),
    ville: requis(100, "Indiquez la ville."),
    pays: requis(100, "Indiquez le pays."),
    // only ever filled by a suggestion of the national address service
    codeInsee: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value && /^[0-9][0-9AB][0-9]{3}$/.test(value) ? value : undefined)),
  })
  .superRefine((adresse, ctx) => {
    if (/^france$/i.test(adresse.pays) && !/^\d{5}$/.test(adresse.codePostal)) {
      ctx.addIssue({
        code: "custom",
        path: ["codePostal"],
        message: "Un code postal français compte 5 chiffres, par exemple 64990.",
      });
    }
  });
export type AdresseSaisie = z.infer<typeof adresseSchema>;

const identiteRepresentant = {
  civilite: z.enum(["MADAME", "MONSIEUR"], {
    error: "Choisissez la civilité : Madame ou Monsieur.",
  }),
  nomUsage: champNom(100, "Indiquez le nom d'usage."),
  nomFamille: champNomOptionnel(100, "Nom de famille"),
  prenom: champNom(100, "Indiquez le prénom."),
  dateNaissance: dateNaissanceOptionnelle,
  communeNaissance: optionnel(100, "Commune"),
  departementNaissance: optionnel(100, "Département"),
  paysNaissance: optionnel(100, "Pays"),
  telephoneDomicile: telephone("Téléphone domicile"),
  telephonePortable: telephone("Téléphone portable"),
  courriel: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(courriel("Courriel").optional()),
  profession: optionnel(100, "Profession"),
  employeur: optionnel(100, "Employeur"),
  telephonePro: telephone("Téléphone professionnel"),
  modaliteContact: z
    .enum(["STANDARD", "COURRIEL", "SMS", "COURRIER"], {
      error: "Choisissez une modalité de contact dans la liste.",
    })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  qualite: z.enum(["MERE", "PERE", "TUTEUR", "BEAU_PARENT", "GRAND_PARENT", "AUTRE"], {
    error: "Choisissez la qualité dans la liste.",
  }),
  autoriteParentale: z.enum(["oui", "non"], {
    error: "Indiquez si la personne a l'autorité parentale.",
  }),
};

/** Fields of a person living, or not, at the titulaire's address ("memeAdresse" checked: the address is his). */
function avecAdresse<S extends z.ZodRawShape>(shape: S, adresseFacultative: boolean) {
  const base = z.object({ ...shape, memeAdresse: z.string().optional() });
  return base.passthrough().transform((value, ctx) => {
    const memeAdresse = adresseFacultative && value.memeAdresse === "on";
    let adresse: AdresseSaisie | null = null;
    if (!memeAdresse) {
      const parsed = adresseSchema.safeParse(value);
      if (parsed.success) adresse = parsed.data;
      else
        for (const issue of parsed.error.issues)
          ctx.addIssue({
            code: "custom",
            path: issue.path,
            message: issue.message,
          });
    }
    const own = Object.fromEntries(
      Object.keys(shape).map((key) => [key, (value as Record<string, unknown>)[key]]),
    ) as z.infer<z.ZodObject<S>>;
    return { ...own, adresse };
  });
}

export const titulaireSchema = avecAdresse(identiteRepresentant, false);
export const coRepresentantSchema = avecAdresse(identiteRepresentant, true);

const identiteEnfant = {
  sexe: z.enum(["FEMININ", "MASCULIN"], {
    error: "Indiquez le sexe de l'enfant.",
  }),
  nom: champNom(100, "Indiquez le nom de l'enfant."),
  prenoms: champNom(100, "Indiquez le ou les prénoms de l'enfant."),
  dateNaissance: z
    .string({ error: "Indiquez la date de naissance de l'enfant." })
    .trim()
    .min(1, { error: "Indiquez la date de naissance de l'enfant." })
    .refine((value) => jourIso(value) !== null, {
      error: "Indiquez la date de naissance au format JJ/MM/AAAA.",
    })
    .refine((value) => (jourIso(value) as Date) <= new Date(), {
      error: "La date de naissance ne peut pas être dans le futur.",
    })
    .refine((value) => estMineur(value), {
      error: "Seuls les enfants de moins de 18 ans peuvent être déclarés.",
    }),
  lieuNaissance: optionnel(100, "Lieu de naissance"),
};
export const enfantSchema = avecAdresse(identiteEnfant, true);

/** Under 18 today (a child born on this day 18 years ago is of age). */
export function estMineur(isoDate: string, now = new Date()): boolean {
  const date = jourIso(isoDate);
  if (!date) return false;
  const majorite = new Date(Date.UTC(date.getUTCFullYear() + 18, date.getUTCMonth(), date.getUTCDate()));
  return majorite > now;
}

export const contactSchema = z
  .object({
    nom: champNom(100, "Indiquez le nom du contact."),
    prenom: champNom(100, "Indiquez le prénom du contact."),
    lien: requis(60, "Indiquez le lien avec l'enfant (grand-mère, voisin…)."),
    telephonePortable: telephone("Téléphone portable"),
    telephoneDomicile: telephone("Téléphone domicile"),
    aPrevenir: z
      .string()
      .optional()
      .transform((value) => value === "on"),
    autoriseRecuperer: z
      .string()
      .optional()
      .transform((value) => value === "on"),
  })
  .superRefine((contact, ctx) => {
    if (!contact.telephonePortable && !contact.telephoneDomicile) {
      ctx.addIssue({
        code: "custom",
        path: ["telephonePortable"],
        message: "Indiquez au moins un téléphone du contact.",
      });
    }
  });

export type Titulaire = z.infer<typeof titulaireSchema>;
export type CoRepresentant = z.infer<typeof coRepresentantSchema>;
export type EnfantSaisi = z.infer<typeof enfantSchema>;
export type ContactSaisi = z.infer<typeof contactSchema>;
export type EnfantDeclare = EnfantSaisi & { id: string };
export type ContactDeclare = ContactSaisi & { id: string };

// ——— The draft: what was typed, person by person ———

export type Role = "titulaire" | "coRepresentant" | "enfant" | "contact";
type Valeurs = Record<string, string>;
export type Brouillon = {
  titulaire: Valeurs | null;
  coRepresentant: Valeurs | null;
  enfants: (Valeurs & { id: string })[];
  contacts: (Valeurs & { id: string })[];
};

const valeurs = z.record(z.string(), z.string());
const avecId = valeurs.and(z.object({ id: z.string() }));
const brouillonSchema = z.object({
  titulaire: valeurs.nullable().default(null),
  coRepresentant: valeurs.nullable().default(null),
  enfants: z.array(avecId).default([]),
  contacts: z.array(avecId).default([]),
});

export function lireBrouillon(donnees: unknown): Brouillon {
  const parsed = brouillonSchema.safeParse(donnees ?? {});
  return parsed.success ? parsed.data : { titulaire: null, coRepresentant: null, enfants: [], contacts: [] };
}

const CHAMPS_REPRESENTANT = [...Object.keys(identiteRepresentant), ...ADRESSE_CHAMPS, "memeAdresse"];
export const CHAMPS: Record<Role, readonly string[]> = {
  titulaire: CHAMPS_REPRESENTANT,
  coRepresentant: CHAMPS_REPRESENTANT,
  enfant: [...Object.keys(identiteEnfant), ...ADRESSE_CHAMPS, "memeAdresse"],
  contact: Object.keys(contactSchema.shape),
};

/** What the draft keeps of a posted person: the role's own fields, each cut at 300 characters. */
export function champsDePersonne(role: Role, values: Record<string, string>): Valeurs {
  return Object.fromEntries(
    CHAMPS[role].filter((key) => key in values).map((key) => [key, values[key]!.slice(0, 300)]),
  );
}

export const SCHEMAS: Record<Role, z.ZodType> = {
  titulaire: titulaireSchema,
  coRepresentant: coRepresentantSchema,
  enfant: enfantSchema,
  contact: contactSchema,
};

/** The message of each field still to correct in that person, keyed by field. */
export function erreursDePersonne(role: Role, values: Valeurs): Record<string, string> {
  const parsed = SCHEMAS[role].safeParse(values);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.join(".") || "_form"] ??= issue.message;
  return errors;
}

/** The person as the left-hand list names them. */
export function nomDePersonne(role: Role, values: Valeurs | null, rang = 0): string {
  const prenom = role === "enfant" ? values?.prenoms : values?.prenom;
  const nom = role === "enfant" || role === "contact" ? values?.nom : values?.nomUsage;
  const nomComplet = [prenom?.trim(), nom?.trim().toUpperCase()].filter(Boolean).join(" ");
  if (nomComplet) return nomComplet;
  return {
    titulaire: "Titulaire du compte",
    coRepresentant: "Co-représentant",
    enfant: `Enfant ${rang + 1}`,
    contact: `Contact ${rang + 1}`,
  }[role];
}

export type Declaration = {
  titulaire: Titulaire;
  coRepresentant: CoRepresentant | null;
  enfants: EnfantDeclare[];
  contacts: ContactDeclare[];
};
export type Manque = {
  selection: string;
  personne: string;
  messages: string[];
};

/** The whole declaration, or who is incomplete and what is missing (ALLER À L'ÉTAPE 2 and the deposit). */
export function validerDeclaration(
  brouillon: Brouillon,
): { ok: true; declaration: Declaration } | { ok: false; manques: Manque[] } {
  const manques: Manque[] = [];
  const lire = <T>(role: Role, selection: string, values: Valeurs | null, rang = 0): T | null => {
    const parsed = SCHEMAS[role].safeParse(values ?? {});
    if (parsed.success) return parsed.data as T;
    manques.push({
      selection,
      personne: nomDePersonne(role, values, rang),
      messages: [...new Set(parsed.error.issues.map((issue) => issue.message))],
    });
    return null;
  };
  const titulaire = lire<Titulaire>("titulaire", "titulaire", brouillon.titulaire);
  const coRepresentant = brouillon.coRepresentant
    ? lire<CoRepresentant>("coRepresentant", "co-representant", brouillon.coRepresentant)
    : null;
  const enfants = brouillon.enfants.map((enfant, rang) => {
    const data = lire<z.infer<typeof enfantSchema>>("enfant", `enfant-${enfant.id}`, enfant, rang);
    return data && { ...data, id: enfant.id };
  });
  const contacts = brouillon.contacts.map((contact, rang) => {
    const data = lire<z.infer<typeof contactSchema>>("contact", `contact-${contact.id}`, contact, rang);
    return data && { ...data, id: contact.id };
  });
  if (brouillon.enfants.length === 0)
    manques.push({
      selection: "nouvel-enfant",
      personne: "Enfant(s)",
      messages: ["Déclarez au moins un enfant."],
    });
  if (manques.length > 0 || !titulaire) return { ok: false, manques };
  return {
    ok: true,
    declaration: {
      titulaire,
      coRepresentant,
      enfants: enfants.filter((e): e is EnfantDeclare => e !== null),
      contacts: contacts.filter((c): c is ContactDeclare => c !== null),
    },
  };
}
