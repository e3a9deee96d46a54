// A SEPA mandate's life, as one table (like the demande's, lib/domain/demande/transitions.ts): from which states
// each state is reached, who may move it there, and whether a motif is needed. Every write of
// MandatSepa.statut goes through the gate (mandat.ts changerStatutMandat), so the table is the whole truth and
// its unit test covers every (state, target, actor) triple.
import type { StatutMandat } from "@/lib/generated/prisma/enums";

/** Who moves a mandate: the family's parent, an ADMIN agent, or the system (the lapse job, the debit run). */
export type ActeurMandat = "USAGER" | "ADMIN" | "SYSTEME";

export type TransitionMandat = {
  de: readonly StatutMandat[];
  vers: StatutMandat;
  acteurs: readonly ActeurMandat[];
  /** what the history and a refusal call it */
  libelle: string;
};

export const TRANSITIONS_MANDAT = {
  /** the parent (or an admin, at the parent's request) revokes: debits not yet presented are cancelled */
  revoquer: { de: ["ACTIF", "SUSPENDU"], vers: "REVOQUE", acteurs: ["USAGER", "ADMIN"], libelle: "Révocation" },
  /** 36 months without a debit presented (caducite.ts, a daily job) */
  rendreCaduc: { de: ["ACTIF"], vers: "CADUC", acteurs: ["SYSTEME"], libelle: "Caducité (36 mois sans prélèvement)" },
  /** rejects in a row (ParametresPrelevement.rejetsAvantSuspension): the run, or an admin entering rejects */
  suspendre: { de: ["ACTIF"], vers: "SUSPENDU", acteurs: ["SYSTEME", "ADMIN"], libelle: "Suspension" },
  /** an admin reactivates, or the parent signs a new IBAN version (amendment) */
  reactiver: { de: ["SUSPENDU"], vers: "ACTIF", acteurs: ["ADMIN", "USAGER"], libelle: "Réactivation" },
} as const satisfies Record<string, TransitionMandat>;

export type NomTransitionMandat = keyof typeof TRANSITIONS_MANDAT;

export const STATUTS_MANDAT: readonly StatutMandat[] = ["ACTIF", "SUSPENDU", "REVOQUE", "CADUC"];

export const LIBELLES_STATUT_MANDAT: Record<StatutMandat, string> = {
  ACTIF: "Actif",
  REVOQUE: "Révoqué",
  CADUC: "Caduc",
  SUSPENDU: "Suspendu",
};

/** The transition leading from `de` to `vers`, if the table has one. */
export function transitionVers(de: StatutMandat, vers: StatutMandat): NomTransitionMandat | null {
  for (const [nom, def] of Object.entries(TRANSITIONS_MANDAT) as [NomTransitionMandat, TransitionMandat][]) {
    if (def.vers === vers && def.de.includes(de)) return nom;
  }
  return null;
}

/** Null when `acteur` may move a mandate in `de` to `vers`, else why not (in French). */
export function refusMandat(
  de: StatutMandat,
  vers: StatutMandat,
  acteur: ActeurMandat,
  motif: string,
): { code: "etat" | "acteur" | "motif"; message: string } | null {
  const nom = transitionVers(de, vers);
  if (!nom) {
    return {
      code: "etat",
      message: `Action impossible : ce mandat est « ${LIBELLES_STATUT_MANDAT[de].toLowerCase()} ».`,
    };
  }
  const def: TransitionMandat = TRANSITIONS_MANDAT[nom];
  if (!def.acteurs.includes(acteur)) return { code: "acteur", message: "Vous ne pouvez pas effectuer cette action." };
  if (!motif.trim()) return { code: "motif", message: "Indiquez le motif." };
  return null;
}
