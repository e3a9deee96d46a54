// What an inscription asks of the parent, in the seed's words, and the rule the design singles out: the
// demande cannot be deposited until every statement of the attestation sur l'honneur is checked and every
// required piece is attached. Pure functions: the wizard (ALLER À L'ÉTAPE 2) and the deposit use the same.
import { z } from "zod";
import type { TypePiece } from "@/lib/generated/prisma/enums";

/** PIÈCES JOINTES, in the seed's order and words. */
export const PIECES: Record<TypePiece, string> = {
  JUSTIFICATIF_DOMICILE: "Justificatif de domicile",
  LIVRET_FAMILLE: "Livret de famille.",
  JUGEMENT_SEPARATION: "Acte de jugement de divorce ou attestation de séparation",
  ACTE_NAISSANCE: "Acte de naissance",
  ATTESTATION_CAF: "Attestation CAF avec le QF",
  RESPONSABILITE_CIVILE: "Attestation de responsabilité civile individuelle",
  CALENDRIER_GARDE: "Calendrier de garde alternée",
};
export const TYPES_PIECE = Object.keys(PIECES) as TypePiece[];

/** PERMISSIONS; {commune} is the commune's name. */
export const PERMISSIONS = {
  sortirSeul: "Sortir seul de l'activité",
  imagePresse: "J'autorise la commune de {commune} à publier l'image de mon enfant dans la presse.",
  filmer: "J'autorise la commune de {commune} à filmer ou photographier mon enfant.",
  imageSupports:
    "J'autorise la commune de {commune} à publier l'image de mon enfant sur les supports de communication de la ville.",
  soinsUrgence: "J'autorise les responsables à prendre toutes mesures de soin d'urgence nécessaire.",
} as const;
export type Permission = keyof typeof PERMISSIONS;

/** ATTESTATION SUR L'HONNEUR: each statement is a checkbox; the last one follows the règlement's link. */
export const ATTESTATIONS = {
  changements:
    "Je m'engage à communiquer dans les meilleurs délais à la mairie toutes modifications et changement de situation en cours d'année (mariage, divorce, droit de garde de l'enfant, quotient familial...)",
  vaccinations: "J'atteste que mon enfant est à jour des vaccinations obligatoires à ce jour",
  assurance:
    "Je m'engage, en cas d'incident impliquant mon enfant, à communiquer mes coordonnées ainsi que les références de mon assurance au tiers lésé sur sa demande.",
  autoriteParentale:
    "J'atteste sur l'honneur être titulaire de l'autorité parentale et certifie l'exactitude des renseignements portés dans ce dossier.",
  reglement: "J'atteste avoir pris connaissance du règlement intérieur et être en accord avec celui-ci.",
} as const;
export type Attestation = keyof typeof ATTESTATIONS;

export const MESSAGE_ATTESTATION =
  "Vous devez compléter la rubrique « Attestation sur l'honneur » avant d'aller à l'étape 2.";
export const PAI_OBJET_MAX = 1000;

const choix = z.enum(["AUTORISE", "INTERDIT"]);

/** The demande's data, as the server writes it (never as a browser sends it). */
export const donneesSchema = z.object({
  enfantId: z.string(),
  activiteId: z.number().int(),
  anneeId: z.number().int(),
  /**
   * the deposited Ajout de famille this inscription waits for (the family not accepted yet): enfantId, the
   * contacts and the habilitations are then the declaration's ids, until the acceptance carries them over
   */
  ajoutFamilleId: z.string().nullable().default(null),
  /** the activity's libellé when the draft was started: the demande's name in lists and mails */
  intitule: z.string().default("Inscription"),
  /** the pièces the activity required when the draft was started */
  piecesRequises: z.array(z.string()).default([]),
  lieuId: z.number().int().nullable().default(null),
  groupeId: z.number().int().nullable().default(null),
  /** the first unit chosen (Inscription.uniteId); the units chosen are unitesIds, or this one in older drafts */
  uniteId: z.number().int().nullable().default(null),
  /** the units chosen: several of those that are not exclusive (garderie Matin and Soir), one exclusive (a menu) */
  unitesIds: z.array(z.number().int()).default([]),
  /** the activity has units to choose from */
  uniteRequise: z.boolean().default(false),
  permissions: z.record(z.string(), choix).default({}),
  /** contactId → choice */
  habilitations: z.record(z.string(), choix).default({}),
  /** the contacts offered when the step was saved: each needs an answer */
  contacts: z.array(z.string()).default([]),
  /** a family without contacts: « Une autre personne que les représentants viendra-t-elle chercher l'enfant ? »
   * (« OUI » leads to « Contacts et habilitations » after the deposit) */
  autreRecuperateur: z.enum(["OUI", "NON"]).nullable().default(null),
  pai: z.boolean().default(false),
  /** encrypted: the object of a P.A.I. is health data */
  paiObjetChiffre: z.string().nullable().default(null),
  attestations: z.array(z.string()).default([]),
  /** the règlement intérieur version shown when the parent checked the statement */
  reglementId: z.number().int().nullable().default(null),
  /** type → piece id, kept in step with the DemandePiece rows */
  pieces: z.record(z.string(), z.string()).default({}),
});
export type DonneesInscription = z.infer<typeof donneesSchema>;

/** The units a demande subscribes: those chosen, or the single one of a draft made before several could be. */
export const unitesChoisies = (d: Pick<DonneesInscription, "uniteId" | "unitesIds">): number[] =>
  d.unitesIds.length > 0 ? d.unitesIds : d.uniteId !== null ? [d.uniteId] : [];

export function lireDonnees(donnees: unknown): DonneesInscription | null {
  const parsed = donneesSchema.safeParse(donnees);
  return parsed.success ? parsed.data : null;
}

export type Manques = {
  /** field name → French message, shown beside the field */
  champs: Record<string, string>;
  attestation: boolean;
  /** the required pièces not attached, by their seed label */
  pieces: string[];
};

/** What stops the demande from going to step 2 or being deposited; nothing missing means it may. */
export function manquesInscription(donnees: DonneesInscription): Manques {
  const champs: Record<string, string> = {};
  if (donnees.lieuId === null) champs.lieu = "Choisissez le lieu.";
  if (donnees.groupeId === null) champs.groupe = "Choisissez le groupe.";
  if (donnees.uniteRequise && unitesChoisies(donnees).length === 0) champs.unite = "Choisissez une unité.";
  for (const permission of Object.keys(PERMISSIONS)) {
    if (!donnees.permissions[permission])
      champs[`permission-${permission}`] = "Choisissez Autorisation ou Interdiction.";
  }
  for (const contact of donnees.contacts) {
    if (!donnees.habilitations[contact]) champs[`habilitation-${contact}`] = "Choisissez Autorisation ou Interdiction.";
  }
  if (donnees.pai && !donnees.paiObjetChiffre) champs.paiObjet = "Précisez l'objet du P.A.I.";
  const attestation = Object.keys(ATTESTATIONS).some((cle) => !donnees.attestations.includes(cle));
  const pieces = donnees.piecesRequises
    .filter((type) => !donnees.pieces[type])
    .map((type) => PIECES[type as TypePiece] ?? type);
  return { champs, attestation, pieces };
}

export const estComplete = (manques: Manques) =>
  Object.keys(manques.champs).length === 0 && !manques.attestation && manques.pieces.length === 0;

/** The one French sentence a refused deposit answers with. */
export function messageManques(manques: Manques): string {
  if (manques.attestation) return MESSAGE_ATTESTATION;
  if (manques.pieces.length > 0) return `Pièces à fournir avant d'aller à l'étape 2 : ${manques.pieces.join(", ")}`;
  return "Votre demande d'inscription est incomplète : complétez l'étape 1 avant de valider.";
}
