"use client";
// « Rester connecté »: two minutes before a parent's session goes idle (lib/auth/sessions.ts, 30 minutes), the
// portail's pages say so in a modal alert dialog, focused on « Rester connecté » (a POST to /api/session that moves
// the session's idle clock) beside « Se déconnecter ». The countdown starts again at each navigation and each
// form sent, which reach the server. This is the countdown; the dialog (DialogueSession.tsx) loads when it opens.
// A remembered session (« Se souvenir de moi ») never shows it: the layout does not mount this. A session already
// gone when the parent answers: off to the login page, back here afterwards.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

// the dialog's code comes when it opens, not with every page
const DialogueSession = lazy(() => import("@/components/layout/DialogueSession"));

type Props = {
  /** how long before the dialog, from the page's request (the server's idle clock minus two minutes) */
  premierDelaiMs: number;
  /** the same after a navigation or a form sent */
  delaiMs: number;
};

/** useSyncExternalStore's subscription, for a value that never changes once the page is hydrated */
const sansAbonnement = () => () => {};

export function ResterConnecte({ premierDelaiMs, delaiMs }: Props) {
  const router = useRouter();
  const [ouvert, setOuvert] = useState(false);
  const [delai, setDelai] = useState(premierDelaiMs);
  const [tour, setTour] = useState(0);
  const adresse = `${usePathname()}?${useSearchParams().toString()}`;
  // Hydrating a page loaded whole (the server's snapshot), the first countdown counts from the page's request, as
  // the server's delay does, not from when its JavaScript ran: a slow phone, or a busy machine, that hydrates late
  // must not push the dialog past the server's idle clock. Mounted by a navigation within the site, from its answer.
  const hydratation = useSyncExternalStore(
    sansAbonnement,
    () => false,
    () => true,
  );
  const [depuisLaDemande] = useState(hydratation);

  // a navigation or a form sent: the server saw the session, the countdown starts again
  const relancer = useCallback(() => {
    setDelai(delaiMs);
    setTour((t) => t + 1);
  }, [delaiMs]);
  const premiere = useRef(true);
  useEffect(() => {
    if (premiere.current) premiere.current = false;
    else relancer();
  }, [adresse, relancer]);
  useEffect(() => {
    document.addEventListener("submit", relancer, true);
    return () => document.removeEventListener("submit", relancer, true);
  }, [relancer]);

  useEffect(() => {
    // performance.now(): the milliseconds since this page's request began
    const ecoule = tour === 0 && depuisLaDemande ? performance.now() : 0;
    const minuterie = setTimeout(() => setOuvert(true), Math.max(delai - ecoule, 0));
    return () => clearTimeout(minuterie);
  }, [delai, tour, depuisLaDemande]);

  async function rester() {
    const reponse = await fetch("/api/session", { method: "POST", cache: "no-store" }).catch(() => null);
    if (reponse?.status === 401) {
      setOuvert(false);
      router.push(`/connexion?suite=${encodeURIComponent(`${location.pathname}${location.search}`)}&expiree=1`);
      return;
    }
    setOuvert(false);
    relancer();
  }

  return (
    <Suspense>
      {ouvert && <DialogueSession onRester={() => void rester()} onFermer={() => setOuvert(false)} />}
    </Suspense>
  );
}
