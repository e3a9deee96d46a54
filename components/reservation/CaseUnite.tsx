// One day × unit of the month view: a toggle (aria-pressed) saying the day, the unit and its state, with the
// state's mark; a locked day says so and does nothing. `trace`, when given, is the case's last change in
// words (« annulé le 10/12 à 11:58 »), shown under the toggle and read with it.
import type { CaseJour, EtatCase } from "@/lib/domain/reservation/annee-compacte";

const ETATS: Record<EtatCase, string> = {
  RESERVEE: "réservé",
  ATTENTE: "en liste d'attente",
  A_VALIDER: "en attente de validation",
  REFUSEE: "refusé par le service",
  LIBRE: "non réservé",
  AUTRE_FOYER: "réservé par l'autre foyer",
  ABSENCE_SIGNALEE: "absence signalée, en cours de traitement",
  ABSENCE_JUSTIFIEE: "absence justifiée, non facturée",
  ABSENCE_INJUSTIFIEE: "absence injustifiée, facturée",
  NON_ASSURE: "service non assuré, non facturé",
  DEMANDEE: "demandé, attribué à la clôture des demandes",
  PROPOSEE: "place proposée : à accepter ou refuser dans Places proposées",
};
/** a day an absence or a service non assuré decided: its own mark */
const MARQUES_FIGEES: Partial<Record<EtatCase, string>> = {
  ABSENCE_SIGNALEE: "✎",
  ABSENCE_JUSTIFIEE: "✚",
  ABSENCE_INJUSTIFIEE: "✖",
  NON_ASSURE: "⛔",
  // a place offered: answered on its own page, not from the calendar
  PROPOSEE: "✉",
};

function marque(c: CaseJour, etat: EtatCase, reserve: boolean): string {
  const figee = MARQUES_FIGEES[c.etat];
  if (figee) return figee;
  if (c.etat === "AUTRE_FOYER") return "⊘";
  // a locked day keeps the mark of what it holds (booked or not), the lock beside it: never colour alone
  const verrou = c.modifiable ? "" : "🔒";
  if (etat === "ATTENTE" || etat === "A_VALIDER" || etat === "DEMANDEE") return `⌛${verrou}`;
  if (etat === "REFUSEE") return `✖${verrou}`;
  return `${reserve ? "✔" : "○"}${verrou}`;
}

export function CaseUnite({
  jour,
  libelleJour,
  libelle,
  c,
  etat,
  reserve,
  lectureSeule,
  refusee,
  onBasculer,
  trace,
}: {
  jour: string;
  /** « Lundi 7 septembre » */
  libelleJour: string;
  /** the unit's label */
  libelle: string;
  /** the case as the server last said */
  c: CaseJour;
  /** its state with the draft applied (brouillon.ts etatAffiche) */
  etat: EtatCase;
  reserve: boolean;
  lectureSeule: boolean;
  /** refused by the last save: outlined */
  refusee: boolean;
  onBasculer: () => void;
  trace?: string;
}) {
  const idTrace = `trace-${jour}-${c.uniteId}`;
  const bouton = (
    <button
      type="button"
      aria-pressed={reserve}
      aria-disabled={!c.modifiable || lectureSeule || undefined}
      aria-label={`${libelleJour}, ${libelle}, ${ETATS[etat]}`}
      aria-describedby={trace ? `info-${jour} ${idTrace}` : `info-${jour}`}
      onClick={() => c.modifiable && !lectureSeule && onBasculer()}
      className={`min-h-11 rounded-md border-2 px-3 text-sm ${
        reserve ? "border-green-800 bg-green-100 font-semibold" : "border-stone-400 bg-white"
      } ${c.modifiable ? "" : "cursor-not-allowed opacity-70"} ${refusee ? "outline outline-2 outline-red-700" : ""}`}
    >
      <span aria-hidden="true">{marque(c, etat, reserve)} </span>
      {libelle}
    </button>
  );
  if (!trace) return bouton;
  return (
    <span className="flex flex-col items-start">
      {bouton}
      <span id={idTrace} className="text-xs text-stone-700">
        {trace}
      </span>
    </span>
  );
}
