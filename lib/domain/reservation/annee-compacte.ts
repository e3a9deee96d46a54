// The school year's open days as the month view's tools need them ("Appliquer une semaine type", "Copier la
// semaine précédente", the preview of "Enregistrer"), in the compact text the page carries instead of the
// rendered year: "2026-09-07:3L1,4R0;2026-09-08:…", each day with, per unit open that day, its id, its state's
// letter and 1 when it may still change. About 20 bytes a day. Pure: the server writes it, the browser reads it.
import type { Jour } from "@/lib/temps/jours-calcul";

export type EtatCase =
  | "RESERVEE"
  | "ATTENTE"
  | "A_VALIDER"
  | "REFUSEE"
  | "LIBRE"
  | "AUTRE_FOYER"
  | "ABSENCE_SIGNALEE"
  | "ABSENCE_JUSTIFIEE"
  | "ABSENCE_INJUSTIFIEE"
  | "NON_ASSURE"
  /** asked during a booking window, allocated at its close */
  | "DEMANDEE"
  /** a place of a window's waiting list offered to the family: answered on « Places proposées » */
  | "PROPOSEE";
export type CaseJour = { uniteId: number; etat: EtatCase; modifiable: boolean };

const LETTRES: Record<EtatCase, string> = {
  RESERVEE: "R",
  ATTENTE: "W",
  A_VALIDER: "V",
  REFUSEE: "X",
  LIBRE: "L",
  AUTRE_FOYER: "F",
  ABSENCE_SIGNALEE: "S",
  ABSENCE_JUSTIFIEE: "J",
  ABSENCE_INJUSTIFIEE: "I",
  NON_ASSURE: "N",
  DEMANDEE: "D",
  PROPOSEE: "P",
};
const ETATS = new Map(Object.entries(LETTRES).map(([etat, lettre]) => [lettre, etat as EtatCase]));
const CASE = /^(\d+)([A-Z])([01])$/;

export function encoderAnnee(jours: { jour: Jour; cases: CaseJour[] }[]): string {
  return jours
    .map(
      ({ jour, cases }) =>
        `${jour}:${cases.map((c) => `${c.uniteId}${LETTRES[c.etat]}${c.modifiable ? 1 : 0}`).join(",")}`,
    )
    .join(";");
}

/** The open days in order, each with its cases (a closed day is not in it). */
export function decoderAnnee(texte: string): Map<Jour, CaseJour[]> {
  const annee = new Map<Jour, CaseJour[]>();
  if (!texte) return annee;
  for (const partie of texte.split(";")) {
    const [jour, cases] = partie.split(":") as [Jour, string];
    annee.set(
      jour,
      cases.split(",").map((c) => {
        const [, uniteId, lettre, modifiable] = CASE.exec(c)!;
        return { uniteId: Number(uniteId), etat: ETATS.get(lettre!)!, modifiable: modifiable === "1" };
      }),
    );
  }
  return annee;
}
