// The pointage's service worker (scope /agent/pointage, the page and below it, nothing else of the site): it keeps the marks a tablet
// could not send and sends them again when the network is back. Built by scripts/service-worker.mjs (esbuild,
// with serwist's BackgroundSyncQueue) into public/agent/pointage-sw.js. It handles one request: a POST to the
// marks' route. Sent at once when the network answers; else kept in the queue (IndexedDB) and answered 202, and
// replayed by the browser's background sync, at the worker's start, and when a page says the network is back
// (`rejouer`: background sync does not fire everywhere, headless Chromium included). A mark the server answers
// 401 (the agent's session ended) is kept the same way and sent after the next login. Pages and their personal
// data are never cached: every other request goes to the network untouched.
import { BackgroundSyncQueue } from "serwist";

type Evenement = Event & { waitUntil(promesse: Promise<unknown>): void };
type EvenementFetch = Evenement & { request: Request; respondWith(reponse: Promise<Response>): void };
type EvenementMessage = Evenement & { data: unknown };
type Fenetre = { postMessage(message: unknown): void };
type Portee = {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<readonly Fenetre[]>;
  };
  addEventListener(type: "install" | "activate", ecouteur: (event: Evenement) => void): void;
  addEventListener(type: "fetch", ecouteur: (event: EvenementFetch) => void): void;
  addEventListener(type: "message", ecouteur: (event: EvenementMessage) => void): void;
};

const portee = globalThis as unknown as Portee;
const MARQUES = new URL("/agent/pointage/marques", portee.location.origin).href;

/** The server answered 401: the agent's session ended. The marks stay queued until a page is logged in again. */
let sessionExpiree = false;

/** Tells every open list how many marks wait, whether they wait for a login, and how many a replay just sent. */
async function annoncer(envoyes = 0): Promise<void> {
  const nombre = await file.size();
  for (const fenetre of await portee.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    fenetre.postMessage({ type: "pointage-file", nombre, envoyes, sessionExpiree: nombre > 0 && sessionExpiree });
  }
}

/** Sends the marks kept, oldest first. A mark the network did not carry goes back first in the queue (and this
 *  throws, for the browser's sync to try again); one the server refused for an ended session goes back too, and
 *  waits for a login. Any other answer (kept, not kept, refused by a rule) is the server's word on it. */
async function envoyerLaFile(envoi: { envoyes: number }): Promise<void> {
  for (let entree = await file.shiftRequest(); entree; entree = await file.shiftRequest()) {
    let reponse: Response;
    try {
      reponse = await fetch(entree.request.clone());
    } catch (erreur) {
      await file.unshiftRequest(entree);
      throw erreur;
    }
    if (reponse.status === 401) {
      await file.unshiftRequest(entree);
      sessionExpiree = true;
      return;
    }
    envoi.envoyes += 1;
  }
  sessionExpiree = false;
}

let envoi: Promise<void> | null = null;

/** One replay at a time. */
function rejouer(): Promise<void> {
  const bilan = { envoyes: 0 };
  envoi ??= envoyerLaFile(bilan).finally(() => {
    envoi = null;
    return annoncer(bilan.envoyes);
  });
  return envoi;
}

// kept a week at most: past the default correction window, the server would refuse them anyway
const file = new BackgroundSyncQueue("pointages", {
  maxRetentionTime: 7 * 24 * 60,
  onSync: () => rejouer(),
});

portee.addEventListener("install", (event) => event.waitUntil(portee.skipWaiting()));
portee.addEventListener("activate", (event) => event.waitUntil(portee.clients.claim()));

portee.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "POST" || request.url !== MARQUES) return;
  const copie = request.clone();
  event.respondWith(
    (async () => {
      const garder = async (expiree: boolean) => {
        await file.pushRequest({ request: copie });
        sessionExpiree ||= expiree;
        await annoncer();
        return Response.json({ enAttente: true, sessionExpiree: expiree }, { status: 202 });
      };
      try {
        const reponse = await fetch(request);
        // the session ended while the tablet was in use: the mark is kept for after the login
        if (reponse.status === 401) return await garder(true);
        // the network is back: what was kept goes now, after this newer mark (the latest tap wins anyway)
        if ((await file.size()) > 0) event.waitUntil(rejouer().catch(() => undefined));
        return reponse;
      } catch {
        return await garder(false);
      }
    })(),
  );
});

portee.addEventListener("message", (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === "rejouer") event.waitUntil(rejouer().catch(() => undefined));
  else if (type === "compter") event.waitUntil(annoncer());
});
