// A booking window's life, as one table: created collecting requests, then allocated at its close (by the job,
// or by an agent once the close is past), or cancelled by an agent while it collects. Every write of
// FenetreReservation.statut goes through franchirFenetre below, which writes the history row in the same
// transaction; the unit test covers every (state, transition, actor) triple.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Acteur, StatutFenetre } from "@/lib/generated/prisma/enums";

/** No row yet: a window's story starts with its creation. */
export const NOUVELLE = "NOUVELLE";
export type EtatFenetre = StatutFenetre | typeof NOUVELLE;

export const LIBELLES_FENETRE: Record<StatutFenetre, string> = {
  COLLECTE: "Demandes ouvertes",
  ATTRIBUEE: "Places attribuées",
  ANNULEE: "Annulée",
};

type TransitionDef = {
  de: readonly EtatFenetre[];
  vers: StatutFenetre;
  acteurs: readonly Acteur[];
  motifRequis: boolean;
};

export const TRANSITIONS_FENETRE = {
  creer: { de: [NOUVELLE], vers: "COLLECTE", acteurs: ["AGENT"], motifRequis: false },
  /** at the close: the job (or an agent, once the close is past) allocates every request at once */
  attribuer: { de: ["COLLECTE"], vers: "ATTRIBUEE", acteurs: ["SYSTEME", "AGENT"], motifRequis: false },
  /** before its close only; its requests are withdrawn (annulerAvecFenetre) and the families told */
  annuler: { de: ["COLLECTE"], vers: "ANNULEE", acteurs: ["AGENT"], motifRequis: true },
} as const satisfies Record<string, TransitionDef>;

export type TransitionFenetre = keyof typeof TRANSITIONS_FENETRE;
export const TRANSITIONS_FENETRE_NOMS = Object.keys(TRANSITIONS_FENETRE) as TransitionFenetre[];
export const ETATS_FENETRE: readonly EtatFenetre[] = [NOUVELLE, "COLLECTE", "ATTRIBUEE", "ANNULEE"];

/** Whether `acteur` may make `transition` on a window in `etat`; null when allowed, else why not (in French). */
export function refusFenetre(
  etat: EtatFenetre,
  transition: TransitionFenetre,
  acteur: Acteur,
  motif?: string | null,
): string | null {
  const def: TransitionDef = TRANSITIONS_FENETRE[transition];
  if (!def.acteurs.includes(acteur)) return "Vous ne pouvez pas effectuer cette action sur cette période.";
  if (!def.de.includes(etat))
    return `Action impossible : cette période est « ${etat === NOUVELLE ? "nouvelle" : LIBELLES_FENETRE[etat]} ».`;
  if (def.motifRequis && !motif?.trim()) return "Indiquez le motif.";
  return null;
}

/**
 * The one gate: moves the window from the state it is in (checked under a row lock, so two closes cannot both
 * allocate) and writes its history row. Creation writes only the history (the caller inserted the row).
 */
export async function franchirFenetre(
  tx: Tx,
  {
    fenetreId,
    transition,
    acteur,
    acteurId = null,
    motif = null,
    now,
  }: {
    fenetreId: number;
    transition: TransitionFenetre;
    acteur: Acteur;
    acteurId?: string | null;
    motif?: string | null;
    now: Date;
  },
): Promise<void> {
  const def = TRANSITIONS_FENETRE[transition];
  let de: StatutFenetre | null = null;
  if (transition !== "creer") {
    const [ligne] = await tx.$queryRaw<{ statut: StatutFenetre }[]>`
      SELECT statut FROM "FenetreReservation" WHERE id = ${fenetreId} FOR UPDATE`;
    if (!ligne) throw new AppError("introuvable", "Cette période de réservation n'existe pas.");
    de = ligne.statut;
  }
  const refus = refusFenetre(de ?? NOUVELLE, transition, acteur, motif);
  if (refus) throw new AppError("etat", refus);
  if (de !== null)
    await tx.fenetreReservation.update({
      where: { id: fenetreId },
      data: { statut: def.vers, ...(def.vers === "ATTRIBUEE" ? { attribueeLe: now } : {}) },
    });
  await tx.fenetreEvenement.create({
    data: { fenetreId, de, vers: def.vers, acteur, acteurId, transition, motif, createdAt: now },
  });
}
