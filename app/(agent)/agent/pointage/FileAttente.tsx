"use client";
// « 3 pointages en attente d'envoi »: the marks the service worker keeps while the network is down (its
// BackgroundSyncQueue, in IndexedDB), counted by the worker and said here; when the network is back the worker
// sends them (the browser's background sync, and on the `online` event and at each load, where background
// sync does not fire) and again every few seconds while marks wait and the browser is online, then the list is
// reloaded from the server. Marks the server answered 401 (the session
// ended) wait the same way, and the line says to log in again: they leave when the pointage is reopened.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { EVENEMENT_ENVOYES, EVENEMENT_FILE, PORTEE, reglerHorloge, SERVICE_WORKER } from "./tablette";

/** How often the page asks the worker to send the marks again while they wait and the browser is online. */
const RELANCE_MS = 3_000;

type Message = { type?: string; nombre?: number; envoyes?: number; sessionExpiree?: boolean };

export function FileAttente({ serveurMs }: { serveurMs: number }) {
  const router = useRouter();
  const [nombre, setNombre] = useState(0);
  const [envoyes, setEnvoyes] = useState(false);
  const [sessionExpiree, setSessionExpiree] = useState(false);
  const precedent = useRef(0);

  useEffect(() => {
    reglerHorloge(serveurMs);
  }, [serveurMs]);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const sw = navigator.serviceWorker;
    const demander = (type: "compter" | "rejouer") =>
      void sw.ready.then((registration) => registration.active?.postMessage({ type }));
    const surMessage = (event: MessageEvent<Message>) => {
      const { type, nombre: compte, envoyes: partis, sessionExpiree: expiree } = event.data ?? {};
      if (type !== "pointage-file" || typeof compte !== "number") return;
      setNombre(compte);
      setSessionExpiree(expiree === true);
      // gone to 0 on this page, or sent by a replay as the page opened (after a login)
      if (compte === 0 && (precedent.current > 0 || (partis ?? 0) > 0)) {
        // all sent: the rows drop their « en attente », the list and its tallies come from the server again
        setEnvoyes(true);
        window.dispatchEvent(new Event(EVENEMENT_ENVOYES));
        router.refresh();
      } else if (compte > 0) {
        setEnvoyes(false);
      }
      precedent.current = compte;
    };
    const surLigne = () => demander("rejouer");
    const surFile = () => demander("compter");
    sw.addEventListener("message", surMessage);
    window.addEventListener("online", surLigne);
    window.addEventListener(EVENEMENT_FILE, surFile);
    sw.register(SERVICE_WORKER, { scope: PORTEE }).then(
      () => demander("rejouer"),
      () => undefined,
    );
    return () => {
      sw.removeEventListener("message", surMessage);
      window.removeEventListener("online", surLigne);
      window.removeEventListener(EVENEMENT_FILE, surFile);
    };
  }, [router]);

  // « online » can come before the network really carries (a Wi-Fi coming back, the worker's own view of the
  // network): while marks wait and the browser says it is online, the worker is asked again every few seconds
  useEffect(() => {
    if (nombre === 0 || sessionExpiree || !("serviceWorker" in navigator)) return;
    const minuterie = window.setInterval(() => {
      if (!navigator.onLine) return;
      void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "rejouer" }));
    }, RELANCE_MS);
    return () => window.clearInterval(minuterie);
  }, [nombre, sessionExpiree]);

  return (
    <p
      role="status"
      className={
        nombre > 0 ? "mb-4 rounded-md border-2 border-amber-700 bg-amber-50 p-3 font-semibold text-amber-950" : "mb-4"
      }
    >
      {nombre > 0 && sessionExpiree ? (
        <>
          {`${nombre} ${nombre > 1 ? "pointages" : "pointage"} en attente d'envoi : votre session a expiré. `}
          <a href="/agent/connexion" className="underline">
            Reconnectez-vous
          </a>
          , puis rouvrez le pointage : ils partiront alors.
        </>
      ) : nombre > 0 ? (
        `${nombre} ${nombre > 1 ? "pointages" : "pointage"} en attente d'envoi : ils partiront dès le retour du réseau.`
      ) : envoyes ? (
        "Les pointages en attente sont envoyés."
      ) : (
        ""
      )}
    </p>
  );
}
