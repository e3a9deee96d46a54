// Which states of a reservation day are billed: one piece of data, so attendance (présent, présent sans
// réservation, absence injustifiée) is added here when it lands. Never billed: a justified absence, a day the
// service did not run ("service non assuré"), a cancelled day, the waiting list. `majore`: the tariff's
// supplement (majorationCentimes) applies, for "présent sans réservation".
export const ETATS_FACTURES: Readonly<Record<string, { majore: boolean }>> = {
  RESERVEE: { majore: false },
  // from the attendance branch, when merged:
  // PRESENT: { majore: false },
  // PRESENT_SANS_RESERVATION: { majore: true },
  // ABSENCE_INJUSTIFIEE: { majore: false },
};

export const etatsFactures = (): string[] => Object.keys(ETATS_FACTURES);
export const etatsMajores = (): string[] =>
  Object.entries(ETATS_FACTURES)
    .filter(([, e]) => e.majore)
    .map(([etat]) => etat);
