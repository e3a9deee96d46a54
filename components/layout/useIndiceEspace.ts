"use client";
// Which space the browser says it is logged into (lib/auth/indice-espace.ts), for what the frame shows. The
// server's render knows nothing of it (the same page for everyone): null there and during hydration, then the
// cookie's hint; read again at each render (a navigation) and when the tab comes back to the front.
import { useSyncExternalStore } from "react";
import { lireIndiceEspace, type IndiceEspace } from "@/lib/auth/indice-espace";

function abonner(rappel: () => void): () => void {
  document.addEventListener("visibilitychange", rappel);
  return () => document.removeEventListener("visibilitychange", rappel);
}

export function useIndiceEspace(): IndiceEspace | null {
  const cookies = useSyncExternalStore(
    abonner,
    () => document.cookie,
    () => "",
  );
  return lireIndiceEspace(cookies);
}
