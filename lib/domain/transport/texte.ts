// How the transport scolaire reads, on the parent's page, in the recaps and on the agents' lists: the days as
// words, the trips (« matin et soir »), and the mark of a child who leaves by bus.

/** ISO weekdays a child may take the bus: lundi … vendredi (the commune's school days are chosen among them). */
export const JOURS_SEMAINE: Record<number, string> = {
  1: "lundi",
  2: "mardi",
  3: "mercredi",
  4: "jeudi",
  5: "vendredi",
};

export type Trajets = { matin: boolean; soir: boolean };
export type EtatTransport = Trajets & { prendLeBus: boolean; jours: number[] };

export const joursEnClair = (jours: readonly number[]): string =>
  [...jours]
    .sort((a, b) => a - b)
    .map((j) => JOURS_SEMAINE[j])
    .filter(Boolean)
    .join(", ");

export const trajetsEnClair = ({ matin, soir }: Trajets): string =>
  matin && soir ? "matin et soir" : matin ? "matin" : soir ? "soir" : "aucun trajet";

/** « Prend le bus : lundi, mardi, jeudi — matin et soir », or « Ne prend pas le transport scolaire ». */
export function transportEnClair(etat: EtatTransport): string {
  return etat.prendLeBus
    ? `Prend le bus : ${joursEnClair(etat.jours)} — ${trajetsEnClair(etat)}`
    : "Ne prend pas le transport scolaire";
}

/** The lists' mark: « Bus du matin », « Bus du soir », « Bus du matin et du soir ». */
export const busEnClair = ({ matin, soir }: Trajets): string =>
  matin && soir ? "Bus du matin et du soir" : matin ? "Bus du matin" : "Bus du soir";
