// The « salle d'attente » answer (lib/web/admission.ts refused the request: its queue was full, or it waited too
// long), a fixed protocol that the bench (scripts/bench/) and the forms (components/formulaire/) rely on:
//
//   HTTP 503
//   Retry-After: <whole seconds ≥ 1>
//   X-Salle-Attente: position=<n>; estimation=<seconds>
//   Cache-Control: no-store
//
// - a GET or HEAD gets the French HTML page (lib/web/salle-attente.ts), which retries by itself;
// - a server action's POST (header Next-Action) gets `Content-Type: text/plain` (exactly: Next's client turns
//   the text/plain body of an answer ≥ 400 into the message of the Error the action throws,
//   next/dist/client/components/router-reducer/reducers/server-action-reducer.js) and the body below, which
//   useFormulaireAction recognises: it shows the waiting room in the form and sends the same FormData again;
// - any other POST (a form sent without JavaScript) gets the HTML page, which says to go back and send again.
//
// Shared by the server and the browser: nothing here may import Node.

export type SalleAttente = {
  /** place in the queue, from 1 */
  position: number;
  /** seconds until the request is likely admitted */
  estimation: number;
  /** seconds before trying again (Retry-After) */
  reessai: number;
};

export const EN_TETE_SALLE_ATTENTE = "x-salle-attente";
/** A retry is never later than this: a parent is told again where they stand at least this often. */
export const REESSAI_MAX_S = 30;

/** Retry-After: the estimate, within 1 and REESSAI_MAX_S seconds. */
export const reessaiPour = (estimation: number) => Math.min(REESSAI_MAX_S, Math.max(1, Math.ceil(estimation)));

export const valeurEnTete = ({ position, estimation }: SalleAttente) =>
  `position=${position}; estimation=${estimation}`;

/** The body of the answer to a server action. */
export const messageAction = ({ position, estimation, reessai }: SalleAttente) =>
  `Salle d'attente : position=${position}; estimation=${estimation}; reessai=${reessai}`;

const MESSAGE = /^Salle d'attente : position=(\d+); estimation=(\d+); reessai=(\d+)$/;

/** What a server action threw, when it is the waiting room's answer; otherwise undefined. */
export function salleAttenteDe(erreur: unknown): SalleAttente | undefined {
  const trouve = erreur instanceof Error ? MESSAGE.exec(erreur.message) : null;
  if (!trouve) return undefined;
  return { position: Number(trouve[1]), estimation: Number(trouve[2]), reessai: Number(trouve[3]) };
}

/** « 1er », « 37e » */
export const rang = (position: number) => (position === 1 ? "1er" : `${position}e`);

/** « 20 secondes », « 3 minutes » */
export function duree(secondes: number): string {
  if (secondes < 90) return secondes === 1 ? "1 seconde" : `${secondes} secondes`;
  return `${Math.round(secondes / 60)} minutes`;
}
