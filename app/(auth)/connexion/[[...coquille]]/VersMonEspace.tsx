"use client";
// A logged-in parent who opens the login page goes on to Mon accueil. The page is the same for everyone (served
// from the cache): the browser's hint (lib/auth/indice-espace.ts) says a parent may be logged in, the server
// confirms it (/api/session, which drops a stale hint, so an expired session never loops between the two pages).
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useIndiceEspace } from "@/components/layout/useIndiceEspace";

export function VersMonEspace() {
  const indice = useIndiceEspace();
  const router = useRouter();
  useEffect(() => {
    if (indice !== "usager") return;
    let abandonne = false;
    void fetch("/api/session", { cache: "no-store" })
      .then((reponse) => (reponse.ok ? (reponse.json() as Promise<{ espace: string | null }>) : null))
      .then((session) => {
        if (!abandonne && session?.espace === "usager") router.replace("/mon-espace");
      })
      .catch(() => {});
    return () => {
      abandonne = true;
    };
  }, [indice, router]);
  return null;
}
