// What the day's list shares in the browser: the tablet's clock set against the server's (a tablet's own clock
// may be wrong; each mark carries the instant it was tapped, and the latest tap wins on the server), and the
// events between a child's buttons and the count of marks waiting for the network.

/** Where the marks are sent (a route, so the service worker can keep and replay them). */
export const ROUTE_MARQUES = "/agent/pointage/marques";
/**
 * The pointage's service worker (public/agent/pointage-sw.js, built from ./sw.ts), scoped to the pointage: the
 * page itself (/agent/pointage, no trailing slash, which a scope "/agent/pointage/" would not include) and below.
 * Served from /agent/, so that scope is within what the browser allows it.
 */
export const SERVICE_WORKER = "/agent/pointage-sw.js";
export const PORTEE = "/agent/pointage";

/** A mark was kept by the service worker: the count is asked again. */
export const EVENEMENT_FILE = "pointage:file";
/** The marks kept have all been sent: the rows drop their « en attente ». */
export const EVENEMENT_ENVOYES = "pointage:envoyes";

let decalage = 0;

/** The server's instant when the page was rendered: later instants are the tablet's clock moved by the same gap. */
export function reglerHorloge(serveurMs: number): void {
  decalage = serveurMs - Date.now();
}

export const instantDuServeur = (): Date => new Date(Date.now() + decalage);
