// Which states of a reservation day are billed: one piece of data (joursDuMois in facturer.ts reads it). A day
// marked "présent" at the pointage is a RESERVEE one; "présent sans réservation" has no reservation and is billed
// from the pointage (the second branch of joursDuMois), with the tariff's supplement (majorationCentimes).
// `majore`: the supplement applies. Never billed: a justified absence, a day the service did not run ("service
// non assuré"), a cancelled day, the waiting list, a booking waiting for or refused by an agent.
export const ETATS_FACTURES: Readonly<Record<string, { majore: boolean }>> = {
  RESERVEE: { majore: false },
  ABSENCE_INJUSTIFIEE: { majore: false },
  // never: ANNULEE, ATTENTE, A_VALIDER, REFUSEE, ABSENCE_SIGNALEE, ABSENCE_JUSTIFIEE, NON_ASSURE
};

export const etatsFactures = (): string[] => Object.keys(ETATS_FACTURES);
export const etatsMajores = (): string[] =>
  Object.entries(ETATS_FACTURES)
    .filter(([, e]) => e.majore)
    .map(([etat]) => etat);
