import { describe, expect, it } from "vitest";
import {
  ETATS,
  ETATS_DEPART,
  etatsFactures,
  etatsMajores,
  refusTransition,
  RETABLIR,
  TRANSITION_NAMES,
  TRANSITIONS,
} from "@/lib/domain/reservation/transitions";
import type { Acteur } from "@/lib/generated/prisma/enums";

// The life of a reservation day as the issue states it, written out by hand (not derived from the table it
// checks): "état de départ › transition › acteur". NOUVELLE is a day with no row yet.
const PERMIS = new Set([
  // the parent's calendar: book (or join the waiting list, or ask an agent) a free, cancelled or refused day
  "NOUVELLE › reserver › USAGER",
  "ANNULEE › reserver › USAGER",
  "REFUSEE › reserver › USAGER",
  "NOUVELLE › mettreEnAttente › USAGER",
  "ANNULEE › mettreEnAttente › USAGER",
  "REFUSEE › mettreEnAttente › USAGER",
  "NOUVELLE › demanderValidation › USAGER",
  "ANNULEE › demanderValidation › USAGER",
  "REFUSEE › demanderValidation › USAGER",
  "RESERVEE › annuler › USAGER",
  "ATTENTE › annuler › USAGER",
  "A_VALIDER › annuler › USAGER",
  "DEMANDEE › annuler › USAGER",
  // an agent's save for the family
  "NOUVELLE › reserverPourLaFamille › AGENT",
  "NOUVELLE › reprendre › SYSTEME",
  "ANNULEE › reserverPourLaFamille › AGENT",
  "REFUSEE › reserverPourLaFamille › AGENT",
  "NOUVELLE › mettreEnAttentePourLaFamille › AGENT",
  "ANNULEE › mettreEnAttentePourLaFamille › AGENT",
  "REFUSEE › mettreEnAttentePourLaFamille › AGENT",
  "RESERVEE › annulerPourLaFamille › AGENT",
  "ATTENTE › annulerPourLaFamille › AGENT",
  "A_VALIDER › annulerPourLaFamille › AGENT",
  "DEMANDEE › annulerPourLaFamille › AGENT",
  // Réservations à valider
  "A_VALIDER › valider › AGENT",
  "A_VALIDER › validerEnAttente › AGENT",
  "A_VALIDER › refuser › AGENT",
  // the waiting list
  "ATTENTE › promouvoir › SYSTEME",
  // a booking window: the request, its allocation at the close, the window cancelled; the place offered
  "NOUVELLE › demanderEnFenetre › USAGER",
  "ANNULEE › demanderEnFenetre › USAGER",
  "REFUSEE › demanderEnFenetre › USAGER",
  "DEMANDEE › attribuer › SYSTEME",
  "DEMANDEE › mettreEnAttenteFenetre › SYSTEME",
  "DEMANDEE › annulerAvecFenetre › SYSTEME",
  "ATTENTE › proposer › SYSTEME",
  "PROPOSEE › accepterOffre › USAGER",
  "PROPOSEE › declinerOffre › USAGER",
  "PROPOSEE › laisserPasserOffre › SYSTEME",
  // absences
  "RESERVEE › signalerAbsence › USAGER",
  "ABSENCE_SIGNALEE › justifierAbsence › AGENT",
  "ABSENCE_SIGNALEE › refuserAbsence › AGENT",
  "ABSENCE_SIGNALEE › refuserAbsence › SYSTEME",
  "ABSENCE_SIGNALEE › retirerAbsence › USAGER",
  // service non assuré, and its undo to the state each day had
  "RESERVEE › declarerNonAssure › AGENT",
  "ATTENTE › declarerNonAssure › AGENT",
  "ABSENCE_SIGNALEE › declarerNonAssure › AGENT",
  "ABSENCE_JUSTIFIEE › declarerNonAssure › AGENT",
  "ABSENCE_INJUSTIFIEE › declarerNonAssure › AGENT",
  "NON_ASSURE › retablirReservee › AGENT",
  "NON_ASSURE › retablirAttente › AGENT",
  "NON_ASSURE › retablirAbsenceSignalee › AGENT",
  "NON_ASSURE › retablirAbsenceJustifiee › AGENT",
  "NON_ASSURE › retablirAbsenceInjustifiee › AGENT",
]);
const ACTEURS: Acteur[] = ["USAGER", "AGENT", "SYSTEME"];

describe("the reservations' transition table", () => {
  const triples = ETATS_DEPART.flatMap((etat) =>
    TRANSITION_NAMES.flatMap((transition) => ACTEURS.map((acteur) => ({ etat, transition, acteur }))),
  );

  it("covers 12 starting states (11 and a new day) × 30 transitions × 3 actors", () => {
    expect(triples).toHaveLength(12 * 30 * 3);
  });

  it.each(triples)("$etat › $transition › $acteur", ({ etat, transition, acteur }) => {
    const refus = refusTransition(etat, transition, acteur);
    if (PERMIS.has(`${etat} › ${transition} › ${acteur}`)) {
      expect(refus).toBeNull();
    } else {
      expect(refus).not.toBeNull();
      expect(refus?.message).toMatch(/^(Action impossible : ce jour est « .+ »\.|Vous ne pouvez pas)/);
    }
  });

  it("leads each transition to the state the issue names, along its path", () => {
    const vers = Object.fromEntries(
      TRANSITION_NAMES.map((t) => [t, `${TRANSITIONS[t].vers} (${TRANSITIONS[t].raison})`]),
    );
    expect(vers).toEqual({
      reserver: "RESERVEE (PARENT)",
      mettreEnAttente: "ATTENTE (PARENT)",
      demanderValidation: "A_VALIDER (PARENT)",
      annuler: "ANNULEE (PARENT)",
      reserverPourLaFamille: "RESERVEE (AGENT)",
      mettreEnAttentePourLaFamille: "ATTENTE (AGENT)",
      annulerPourLaFamille: "ANNULEE (AGENT)",
      valider: "RESERVEE (VALIDATION)",
      validerEnAttente: "ATTENTE (VALIDATION)",
      refuser: "REFUSEE (VALIDATION)",
      reprendre: "RESERVEE (REPRISE)",
      promouvoir: "RESERVEE (PROMOTION)",
      demanderEnFenetre: "DEMANDEE (FENETRE)",
      attribuer: "RESERVEE (FENETRE)",
      mettreEnAttenteFenetre: "ATTENTE (FENETRE)",
      annulerAvecFenetre: "ANNULEE (FENETRE)",
      proposer: "PROPOSEE (PROMOTION)",
      accepterOffre: "RESERVEE (PROMOTION)",
      declinerOffre: "ANNULEE (PROMOTION)",
      laisserPasserOffre: "ANNULEE (PROMOTION)",
      signalerAbsence: "ABSENCE_SIGNALEE (ABSENCE)",
      justifierAbsence: "ABSENCE_JUSTIFIEE (ABSENCE)",
      refuserAbsence: "ABSENCE_INJUSTIFIEE (ABSENCE)",
      retirerAbsence: "RESERVEE (ABSENCE)",
      declarerNonAssure: "NON_ASSURE (SERVICE_NON_ASSURE)",
      retablirReservee: "RESERVEE (SERVICE_NON_ASSURE)",
      retablirAttente: "ATTENTE (SERVICE_NON_ASSURE)",
      retablirAbsenceSignalee: "ABSENCE_SIGNALEE (SERVICE_NON_ASSURE)",
      retablirAbsenceJustifiee: "ABSENCE_JUSTIFIEE (SERVICE_NON_ASSURE)",
      retablirAbsenceInjustifiee: "ABSENCE_INJUSTIFIEE (SERVICE_NON_ASSURE)",
    });
  });

  it("gives back, on the undo of a service non assuré, the very state each booking had", () => {
    for (const [avant, transition] of Object.entries(RETABLIR)) {
      expect(TRANSITIONS[transition].vers).toBe(avant);
      expect(TRANSITIONS.declarerNonAssure.de).toContain(avant);
    }
    expect(Object.keys(RETABLIR).sort()).toEqual([...TRANSITIONS.declarerNonAssure.de].sort());
  });

  it("never lets anyone touch a day of an absence or of a service non assuré from the calendar", () => {
    const calendrier = [
      "reserver",
      "mettreEnAttente",
      "demanderValidation",
      "annuler",
      "reserverPourLaFamille",
      "mettreEnAttentePourLaFamille",
      "annulerPourLaFamille",
    ] as const;
    for (const etat of ["ABSENCE_SIGNALEE", "ABSENCE_JUSTIFIEE", "ABSENCE_INJUSTIFIEE", "NON_ASSURE"] as const)
      for (const transition of calendrier)
        for (const acteur of ACTEURS) expect(refusTransition(etat, transition, acteur)?.code).toBeDefined();
  });
});

describe("the billing meaning of each state", () => {
  it("bills a booked day and an unjustified absence, and nothing else", () => {
    expect(Object.fromEntries(Object.entries(ETATS).map(([etat, e]) => [etat, e.facturation]))).toEqual({
      RESERVEE: "FACTURE",
      ATTENTE: "NON_FACTURE",
      ANNULEE: "NON_FACTURE",
      A_VALIDER: "NON_FACTURE",
      REFUSEE: "NON_FACTURE",
      ABSENCE_SIGNALEE: "NON_FACTURE",
      ABSENCE_JUSTIFIEE: "NON_FACTURE",
      ABSENCE_INJUSTIFIEE: "FACTURE",
      NON_ASSURE: "NON_FACTURE",
      DEMANDEE: "NON_FACTURE",
      PROPOSEE: "NON_FACTURE",
    });
    expect(etatsFactures()).toEqual(["RESERVEE", "ABSENCE_INJUSTIFIEE"]);
  });

  it("puts the supplement on no reservation state: « présent sans réservation » comes from the pointage", () => {
    expect(etatsMajores()).toEqual([]);
  });

  it("names each state in French, as the day's story says it", () => {
    expect(ETATS.ANNULEE.libelle).toBe("Annulé");
    expect(ETATS.RESERVEE.libelle).toBe("Réservé");
    expect(new Set(Object.values(ETATS).map((e) => e.libelle)).size).toBe(11);
  });
});
