// A unit's tally on the day's list: « 62 / 80 présents, 3 absents, 15 non pointés ». The list is the children
// booked and those marked (a child marked présent sans réservation adds to both sides); a booking cancelled
// after the print and not marked is not counted.
import type { EtatPointage } from "@/lib/generated/prisma/enums";

type Ligne = { reservee: boolean; pointage: { etat: EtatPointage } | null };

export type Bilan = { presents: number; absents: number; nonPointes: number; total: number };

export function bilanUnite(enfants: Ligne[]): Bilan {
  const comptes = enfants.filter((e) => e.reservee || e.pointage);
  const presents = comptes.filter((e) => e.pointage && e.pointage.etat !== "ABSENT").length;
  const absents = comptes.filter((e) => e.pointage?.etat === "ABSENT").length;
  return { presents, absents, nonPointes: comptes.length - presents - absents, total: comptes.length };
}

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

export const bilanEnClair = ({ presents, absents, nonPointes, total }: Bilan): string =>
  `${presents} / ${total} ${presents > 1 ? "présents" : "présent"}, ${pluriel(absents, "absent")}, ${nonPointes} non ${nonPointes > 1 ? "pointés" : "pointé"}`;
