// A reservation's life, as one table: which move leads from which states to which, who may make it, along which
// path (the history's raison), and what each state means for the invoice. Every write of Reservation.statut goes
// through it (franchir.ts), so the table is the whole truth, and its unit test covers every (state, transition,
// actor) triple. The rows' billing meaning is what facturer.ts bills.
import type { Acteur, RaisonReservation, StatutReservation } from "@/lib/generated/prisma/enums";

/** No row yet: creating a reservation is a move too, so a day's story starts at its booking. */
export const NOUVELLE = "NOUVELLE";
export type EtatDepart = StatutReservation | typeof NOUVELLE;

/**
 * What a day in this state costs the family. FACTURE_MAJORE (billed with the tariff's supplement) is no
 * reservation's state today: « présent sans réservation » has, by definition, no reservation, and is billed from
 * the pointage (the second branch of facturer.ts's joursDuMois); it stays a meaning so a state could carry it.
 */
export type Facturation = "FACTURE" | "NON_FACTURE" | "FACTURE_MAJORE";

export const ETATS: Record<StatutReservation, { libelle: string; facturation: Facturation }> = {
  RESERVEE: { libelle: "Réservé", facturation: "FACTURE" },
  ATTENTE: { libelle: "En liste d'attente", facturation: "NON_FACTURE" },
  ANNULEE: { libelle: "Annulé", facturation: "NON_FACTURE" },
  A_VALIDER: { libelle: "En attente de validation", facturation: "NON_FACTURE" },
  REFUSEE: { libelle: "Refusé", facturation: "NON_FACTURE" },
  // its demande is pending: the child is not expected, and nothing is billed until it is decided
  ABSENCE_SIGNALEE: { libelle: "Absence signalée", facturation: "NON_FACTURE" },
  ABSENCE_JUSTIFIEE: { libelle: "Absence justifiée", facturation: "NON_FACTURE" },
  ABSENCE_INJUSTIFIEE: { libelle: "Absence injustifiée", facturation: "FACTURE" },
  NON_ASSURE: { libelle: "Service non assuré", facturation: "NON_FACTURE" },
  // a booking window (lib/domain/fenetre): asked, allocated at the close; a place offered from its waiting list
  DEMANDEE: { libelle: "Demandé", facturation: "NON_FACTURE" },
  PROPOSEE: { libelle: "Place proposée", facturation: "NON_FACTURE" },
};
export const STATUTS = Object.keys(ETATS) as StatutReservation[];
export const ETATS_DEPART: readonly EtatDepart[] = [NOUVELLE, ...STATUTS];

/** The states billed (with or without supplement), and those billed with it: what facturer.ts selects. */
export const etatsFactures = (): StatutReservation[] => STATUTS.filter((s) => ETATS[s].facturation !== "NON_FACTURE");
export const etatsMajores = (): StatutReservation[] => STATUTS.filter((s) => ETATS[s].facturation === "FACTURE_MAJORE");

export type TransitionDef = {
  de: readonly EtatDepart[];
  vers: StatutReservation;
  acteurs: readonly Acteur[];
  raison: RaisonReservation;
};

// a day is booked again by updating its row (one row per child, unit and day): a cancelled or refused day
// starts over like a new one
const LIBRES = [NOUVELLE, "ANNULEE", "REFUSEE"] as const;
// a request of a booking window (DEMANDEE) is withdrawn like any other; a place offered (PROPOSEE) is
// accepted or declined by its own moves
const ACTIVES = ["RESERVEE", "ATTENTE", "A_VALIDER", "DEMANDEE"] as const;
// the states a service non assuré takes a booking from, each restored as it was by the undo
const TOUCHEES = ["RESERVEE", "ATTENTE", "ABSENCE_SIGNALEE", "ABSENCE_JUSTIFIEE", "ABSENCE_INJUSTIFIEE"] as const;

export const TRANSITIONS = {
  // The parent's calendar, within the activity's deadlines (enregistrer.ts checks them per day: booking under
  // delaiReservation, cancelling a RESERVEE day under delaiAnnulation; leaving a waiting list or withdrawing a
  // request frees no place and is always allowed). A full day puts the child on its waiting list.
  reserver: { de: LIBRES, vers: "RESERVEE", acteurs: ["USAGER"], raison: "PARENT" },
  mettreEnAttente: { de: LIBRES, vers: "ATTENTE", acteurs: ["USAGER"], raison: "PARENT" },
  /** an activity validated by an agent: the parent's booking is a request */
  demanderValidation: { de: LIBRES, vers: "A_VALIDER", acteurs: ["USAGER"], raison: "PARENT" },
  annuler: { de: ACTIVES, vers: "ANNULEE", acteurs: ["USAGER"], raison: "PARENT" },
  // An agent's save for the family in the console: no deadline, no validation, the same capacity.
  reserverPourLaFamille: { de: LIBRES, vers: "RESERVEE", acteurs: ["AGENT"], raison: "AGENT" },
  mettreEnAttentePourLaFamille: { de: LIBRES, vers: "ATTENTE", acteurs: ["AGENT"], raison: "AGENT" },
  annulerPourLaFamille: { de: ACTIVES, vers: "ANNULEE", acteurs: ["AGENT"], raison: "AGENT" },
  // Réservations à valider (validation.ts): booked within the day's capacity, else its waiting list; or refused.
  valider: { de: ["A_VALIDER"], vers: "RESERVEE", acteurs: ["AGENT"], raison: "VALIDATION" },
  validerEnAttente: { de: ["A_VALIDER"], vers: "ATTENTE", acteurs: ["AGENT"], raison: "VALIDATION" },
  refuser: { de: ["A_VALIDER"], vers: "REFUSEE", acteurs: ["AGENT"], raison: "VALIDATION" },
  /** bookings brought in bulk from the system the portal replaces (prisma/demo-facturation.ts reserverJours, which
   * the demo seeds its own with): their story starts with this move, so a billed day is never without one */
  reprendre: { de: [NOUVELLE], vers: "RESERVEE", acteurs: ["SYSTEME"], raison: "REPRISE" },
  /** a place freed by a cancellation, or a capacity raised by an agent: the oldest waiting request gets it */
  promouvoir: { de: ["ATTENTE"], vers: "RESERVEE", acteurs: ["SYSTEME"], raison: "PROMOTION" },
  // A booking window (lib/domain/fenetre): the parent's booking of one of its days is a request, allocated at the
  // close by the window's priorities and draw (booked, or on the waiting list in the draw's order); the window
  // cancelled by an agent withdraws its requests. Its days' waiting lists then offer a freed place for the
  // window's delay: accepted, declined, or passed on to the next when the delay is over.
  demanderEnFenetre: { de: LIBRES, vers: "DEMANDEE", acteurs: ["USAGER"], raison: "FENETRE" },
  attribuer: { de: ["DEMANDEE"], vers: "RESERVEE", acteurs: ["SYSTEME"], raison: "FENETRE" },
  mettreEnAttenteFenetre: { de: ["DEMANDEE"], vers: "ATTENTE", acteurs: ["SYSTEME"], raison: "FENETRE" },
  annulerAvecFenetre: { de: ["DEMANDEE"], vers: "ANNULEE", acteurs: ["SYSTEME"], raison: "FENETRE" },
  proposer: { de: ["ATTENTE"], vers: "PROPOSEE", acteurs: ["SYSTEME"], raison: "PROMOTION" },
  accepterOffre: { de: ["PROPOSEE"], vers: "RESERVEE", acteurs: ["USAGER"], raison: "PROMOTION" },
  declinerOffre: { de: ["PROPOSEE"], vers: "ANNULEE", acteurs: ["USAGER"], raison: "PROMOTION" },
  laisserPasserOffre: { de: ["PROPOSEE"], vers: "ANNULEE", acteurs: ["SYSTEME"], raison: "PROMOTION" },
  // Absences (lib/domain/absence): declared by the parent on booked days, decided by an agent, refused by the
  // system when no justificatif came within the commune's delay, or withdrawn by the parent (booked again).
  signalerAbsence: { de: ["RESERVEE"], vers: "ABSENCE_SIGNALEE", acteurs: ["USAGER"], raison: "ABSENCE" },
  justifierAbsence: { de: ["ABSENCE_SIGNALEE"], vers: "ABSENCE_JUSTIFIEE", acteurs: ["AGENT"], raison: "ABSENCE" },
  refuserAbsence: {
    de: ["ABSENCE_SIGNALEE"],
    vers: "ABSENCE_INJUSTIFIEE",
    acteurs: ["AGENT", "SYSTEME"],
    raison: "ABSENCE",
  },
  retirerAbsence: { de: ["ABSENCE_SIGNALEE"], vers: "RESERVEE", acteurs: ["USAGER"], raison: "ABSENCE" },
  // Service non assuré (grève, sortie, fermeture), declared by an agent, undone by an agent the same day: each
  // booking gets back the state it had.
  declarerNonAssure: { de: TOUCHEES, vers: "NON_ASSURE", acteurs: ["AGENT"], raison: "SERVICE_NON_ASSURE" },
  retablirReservee: { de: ["NON_ASSURE"], vers: "RESERVEE", acteurs: ["AGENT"], raison: "SERVICE_NON_ASSURE" },
  retablirAttente: { de: ["NON_ASSURE"], vers: "ATTENTE", acteurs: ["AGENT"], raison: "SERVICE_NON_ASSURE" },
  retablirAbsenceSignalee: {
    de: ["NON_ASSURE"],
    vers: "ABSENCE_SIGNALEE",
    acteurs: ["AGENT"],
    raison: "SERVICE_NON_ASSURE",
  },
  retablirAbsenceJustifiee: {
    de: ["NON_ASSURE"],
    vers: "ABSENCE_JUSTIFIEE",
    acteurs: ["AGENT"],
    raison: "SERVICE_NON_ASSURE",
  },
  retablirAbsenceInjustifiee: {
    de: ["NON_ASSURE"],
    vers: "ABSENCE_INJUSTIFIEE",
    acteurs: ["AGENT"],
    raison: "SERVICE_NON_ASSURE",
  },
} as const satisfies Record<string, TransitionDef>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

/** The states a service non assuré takes a booking from (a cancelled day has nothing to cancel). */
export const ETATS_NON_ASSURABLES = TOUCHEES;

/** The undo of a service non assuré: the move that gives a booking back the state it had. */
export const RETABLIR: Record<(typeof TOUCHEES)[number], Transition> = {
  RESERVEE: "retablirReservee",
  ATTENTE: "retablirAttente",
  ABSENCE_SIGNALEE: "retablirAbsenceSignalee",
  ABSENCE_JUSTIFIEE: "retablirAbsenceJustifiee",
  ABSENCE_INJUSTIFIEE: "retablirAbsenceInjustifiee",
};

export type Refus = { code: "etat" | "acteur"; message: string };

const libelleDepart = (etat: EtatDepart) => (etat === NOUVELLE ? "Libre" : ETATS[etat].libelle);

/** Whether `acteur` may make `transition` on a day in `etat`; null when allowed, else why not (in French). */
export function refusTransition(etat: EtatDepart, transition: Transition, acteur: Acteur): Refus | null {
  const def: TransitionDef = TRANSITIONS[transition];
  if (!def.acteurs.includes(acteur))
    return { code: "acteur", message: "Vous ne pouvez pas effectuer cette action sur ce jour." };
  if (!def.de.includes(etat))
    return { code: "etat", message: `Action impossible : ce jour est « ${libelleDepart(etat)} ».` };
  return null;
}
