"use client";
// Which space the browser says it is logged into (lib/auth/indice-espace.ts), for what the frame shows. The
// server's render knows nothing of it (the same page for everyone): null there and during hydration, then the
// cookie's hint; read again at each render (a navigation), when the tab comes back to the front, and when the
// cookie changes (the Cookie Store API's event: a login, a logout), and when /api/session has answered.
import { useSyncExternalStore } from "react";
import { EVENEMENT_INDICE_ESPACE, lireIndiceEspace, type IndiceEspace } from "@/lib/auth/indice-espace";

function abonner(rappel: () => void): () => void {
  const magasin = (window as { cookieStore?: EventTarget }).cookieStore;
  document.addEventListener("visibilitychange", rappel);
  window.addEventListener(EVENEMENT_INDICE_ESPACE, rappel);
  magasin?.addEventListener("change", rappel);
  return () => {
    document.removeEventListener("visibilitychange", rappel);
    window.removeEventListener(EVENEMENT_INDICE_ESPACE, rappel);
    magasin?.removeEventListener("change", rappel);
  };
}

export function useIndiceEspace(): IndiceEspace | null {
  const cookies = useSyncExternalStore(
    abonner,
    () => document.cookie,
    () => "",
  );
  return lireIndiceEspace(cookies, typeof location !== "undefined" && location.protocol === "https:");
}
