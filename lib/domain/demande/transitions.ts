// The demande's life, as one table: which transition leads from which states to which, who may fire it, and
// whether it needs a motif. Everything that changes a demande's state goes through it (transition.ts), so the
// table is the whole truth, and its unit test covers every (state, transition, actor) triple.
import type { Acteur, StatutDemande } from "@/lib/generated/prisma/enums";

export type TransitionDef = {
  de: readonly StatutDemande[];
  vers: StatutDemande;
  acteurs: readonly Acteur[];
  motifRequis: boolean;
  /** what the button says, and what a refusal names */
  libelle: string;
};

export const TRANSITIONS = {
  deposer: { de: ["BROUILLON"], vers: "DEPOSEE", acteurs: ["USAGER"], motifRequis: false, libelle: "Déposer" },
  /** the parent sends back a demande the agents asked to complete */
  redeposer: {
    de: ["A_COMPLETER"],
    vers: "DEPOSEE",
    acteurs: ["USAGER"],
    motifRequis: false,
    libelle: "Renvoyer la demande complétée",
  },
  /** the parent withdraws it, before any agent took it up */
  annuler: { de: ["DEPOSEE"], vers: "ANNULEE", acteurs: ["USAGER"], motifRequis: false, libelle: "Annuler la demande" },
  instruire: {
    de: ["DEPOSEE"],
    vers: "EN_INSTRUCTION",
    acteurs: ["AGENT"],
    motifRequis: false,
    libelle: "Prendre en charge",
  },
  demanderComplement: {
    de: ["DEPOSEE", "EN_INSTRUCTION"],
    vers: "A_COMPLETER",
    acteurs: ["AGENT"],
    motifRequis: true,
    libelle: "Demander un complément",
  },
  accepter: {
    de: ["DEPOSEE", "EN_INSTRUCTION"],
    vers: "ACCEPTEE",
    acteurs: ["AGENT"],
    motifRequis: false,
    libelle: "Accepter",
  },
  refuser: {
    de: ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"],
    vers: "REFUSEE",
    acteurs: ["AGENT"],
    motifRequis: true,
    libelle: "Refuser",
  },
  /** a demande left « à compléter » without answer is closed by the system (see classer.ts) */
  classer: {
    de: ["A_COMPLETER"],
    vers: "ANNULEE",
    acteurs: ["SYSTEME"],
    motifRequis: true,
    libelle: "Classer sans suite",
  },
  /** an absence whose justificatif did not come within the commune's delay is refused by the system
   * (lib/domain/absence/expirer.ts) */
  expirer: {
    de: ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"],
    vers: "REFUSEE",
    acteurs: ["SYSTEME"],
    motifRequis: true,
    libelle: "Refuser faute de justificatif",
  },
  /** an inscription made while its family waited is cancelled with the family's refusal (inscription/attente.ts) */
  annulerAvecFamille: {
    de: ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"],
    vers: "ANNULEE",
    acteurs: ["SYSTEME"],
    motifRequis: true,
    libelle: "Annuler avec la famille",
  },
} as const satisfies Record<string, TransitionDef>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

export const STATUTS: readonly StatutDemande[] = [
  "BROUILLON",
  "DEPOSEE",
  "EN_INSTRUCTION",
  "A_COMPLETER",
  "ACCEPTEE",
  "REFUSEE",
  "ANNULEE",
];

/** The badge a parent sees (the seed's « Déposée »). */
export const LIBELLES_STATUT: Record<StatutDemande, string> = {
  BROUILLON: "Brouillon",
  DEPOSEE: "Déposée",
  EN_INSTRUCTION: "En cours d'instruction",
  A_COMPLETER: "À compléter",
  ACCEPTEE: "Acceptée",
  REFUSEE: "Refusée",
  ANNULEE: "Annulée",
};

export type Refus = { code: "etat" | "acteur" | "motif"; message: string };

/** Whether `acteur` may fire `transition` on a demande in `statut`; null when allowed, else why not (in French). */
export function refusTransition(
  statut: StatutDemande,
  transition: Transition,
  acteur: Acteur,
  motif?: string | null,
): Refus | null {
  const def: TransitionDef = TRANSITIONS[transition];
  if (!def.acteurs.includes(acteur))
    return { code: "acteur", message: "Vous ne pouvez pas effectuer cette action sur cette demande." };
  if (!def.de.includes(statut)) {
    return {
      code: "etat",
      message: `Action impossible : cette demande est « ${LIBELLES_STATUT[statut]} ».`,
    };
  }
  if (def.motifRequis && !motif?.trim()) return { code: "motif", message: "Indiquez le motif." };
  return null;
}
