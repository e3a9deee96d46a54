// The pointage's service worker (scope /agent/pointage, the page and below it, nothing else of the site): it keeps the marks a tablet
// could not send and sends them again when the network is back. Built by scripts/service-worker.mjs (esbuild,
// with serwist's BackgroundSyncQueue) into public/agent/pointage-sw.js. It handles one request: a POST to the
// marks' route. Sent at once when the network answers; else kept in the queue (IndexedDB) and answered 202, and
// replayed by the browser's background sync, at the worker's start, and when a page says the network is back
// (`rejouer`: background sync does not fire everywhere, headless Chromium included). Pages and their personal
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

/** Tells every open list how many marks wait. */
async function annoncer(): Promise<void> {
  const nombre = (await file.getAll()).length;
  for (const fenetre of await portee.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    fenetre.postMessage({ type: "pointage-file", nombre });
  }
}

let envoi: Promise<void> | null = null;

/** Sends the marks kept, one replay at a time; a mark still unsent stays queued (and throws, for the sync). */
function rejouer(): Promise<void> {
  envoi ??= file.replayRequests().finally(() => {
    envoi = null;
    return annoncer();
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
      try {
        const reponse = await fetch(request);
        // the network is back: what was kept goes now, after this newer mark (the latest tap wins anyway)
        if ((await file.size()) > 0) event.waitUntil(rejouer().catch(() => undefined));
        return reponse;
      } catch {
        await file.pushRequest({ request: copie });
        await annoncer();
        return Response.json({ enAttente: true }, { status: 202 });
      }
    })(),
  );
});

portee.addEventListener("message", (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === "rejouer") event.waitUntil(rejouer().catch(() => undefined));
  else if (type === "compter") event.waitUntil(annoncer());
});
