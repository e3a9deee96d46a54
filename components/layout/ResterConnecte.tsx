"use client";
// « Rester connecté »: two minutes before a parent's session goes idle (lib/auth/sessions.ts, 30 minutes), the
// portail's pages say so in a modal alert dialog, focused on « Rester connecté » (a POST to /api/session that moves
// the session's idle clock) beside « Se déconnecter ». The countdown starts again at each navigation and each
// form sent, which reach the server. A remembered session (« Se souvenir de moi ») never shows it: the layout does
// not mount this. A session already gone when the parent answers: off to the login page, back here afterwards.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { deconnexion } from "@/app/(portail)/actions";

type Props = {
  /** how long before the dialog, from the page's first render (the server's idle clock minus two minutes) */
  premierDelaiMs: number;
  /** the same after a navigation or a form sent */
  delaiMs: number;
};

export function ResterConnecte({ premierDelaiMs, delaiMs }: Props) {
  const router = useRouter();
  const dialogue = useRef<HTMLDialogElement>(null);
  const [ouvert, setOuvert] = useState(false);
  const [delai, setDelai] = useState(premierDelaiMs);
  const [tour, setTour] = useState(0);
  const adresse = `${usePathname()}?${useSearchParams().toString()}`;

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
    const minuterie = setTimeout(() => setOuvert(true), Math.max(delai, 0));
    return () => clearTimeout(minuterie);
  }, [delai, tour]);

  useEffect(() => {
    const d = dialogue.current;
    if (ouvert && d && !d.open) d.showModal();
    if (!ouvert && d?.open) d.close();
  }, [ouvert]);

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
    <dialog
      ref={dialogue}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="rester-connecte-titre"
      aria-describedby="rester-connecte-texte"
      onClose={() => setOuvert(false)}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-md border-l-4 border-sky-700 bg-white p-6 shadow-lg backdrop:bg-black/40"
    >
      <h2 id="rester-connecte-titre" className="mb-2 text-lg font-bold">
        Votre session va expirer dans 2 minutes.
      </h2>
      <p id="rester-connecte-texte" className="mb-4">
        Sans action de votre part, vous serez déconnecté et ce que vous n&apos;avez pas enregistré pourrait être perdu.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="button" className="bouton-principal" autoFocus onClick={() => void rester()}>
          Rester connecté
        </button>
        <form action={deconnexion}>
          <button type="submit" className="bouton-secondaire w-full">
            Se déconnecter
          </button>
        </form>
      </div>
    </dialog>
  );
}
