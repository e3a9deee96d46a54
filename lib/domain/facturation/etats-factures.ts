// Which states of a reservation day are billed: one piece of data, so attendance (présent, présent sans
// réservation, absence injustifiée) is added here when it lands. Never billed: a justified absence, a day the
// service did not run ("service non assuré"), a cancelled day, the waiting list. `majore`: the tariff's
// supplement (majorationCentimes) applies, for "présent sans réservation".
// These are states of Reservation.statut (joursDuMois in facturer.ts reads them). Attendance merged into main as
// its own table (Pointage: PRESENT, ABSENT, PRESENT_SANS_RESERVATION, no household column): a PRESENT day is
// already a RESERVEE one; PRESENT_SANS_RESERVATION has no reservation, so billing it means a second branch of
// joursDuMois over "Pointage" joined to the child's inscription (its household), with majore = true.
export const ETATS_FACTURES: Readonly<Record<string, { majore: boolean }>> = {
  RESERVEE: { majore: false },
  // when a reservation state says so (an unjustified absence kept as its own state): ABSENCE_INJUSTIFIEE: { majore: false },
  // never: ANNULEE, ATTENTE, A_VALIDER, REFUSEE, a justified absence, a day the service did not run
};

export const etatsFactures = (): string[] => Object.keys(ETATS_FACTURES);
export const etatsMajores = (): string[] =>
  Object.entries(ETATS_FACTURES)
    .filter(([, e]) => e.majore)
    .map(([etat]) => etat);
