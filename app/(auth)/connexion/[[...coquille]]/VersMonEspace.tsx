"use client";
// A logged-in parent who opens the login page goes on to Mon accueil. The page is the same for everyone (served
// from the cache): the browser's hint (lib/auth/indice-espace.ts) says a parent may be logged in, the server
// confirms it (/api/session, which drops a stale hint, so an expired session never loops between the two pages).
// Only as the page opens: a login made on this very page sets the hint too, and goes where its `suite` says.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { EVENEMENT_INDICE_ESPACE, lireIndiceEspace } from "@/lib/auth/indice-espace";

export function VersMonEspace() {
  const router = useRouter();
  useEffect(() => {
    if (lireIndiceEspace(document.cookie, location.protocol === "https:") !== "usager") return;
    let abandonne = false;
    void fetch("/api/session", { cache: "no-store" })
      .then((reponse) => (reponse.ok ? (reponse.json() as Promise<{ espace: string | null }>) : null))
      .then((session) => {
        // a stale hint is gone with the answer: the header reads it again
        window.dispatchEvent(new Event(EVENEMENT_INDICE_ESPACE));
        if (!abandonne && session?.espace === "usager") router.replace("/mon-espace");
      })
      .catch(() => {});
    return () => {
      abandonne = true;
    };
  }, [router]);
  return null;
}
