"use client";
// The dialog of « Rester connecté » (components/layout/ResterConnecte.tsx), loaded only when it opens: every page of
// the citizen space carries the countdown, not the dialog. A modal alert dialog, focused on « Rester connecté »,
// beside « Se déconnecter ».
import { useEffect, useRef } from "react";
import { deconnexion } from "@/app/(portail)/actions";

export default function DialogueSession({ onRester, onFermer }: { onRester: () => void; onFermer: () => void }) {
  const dialogue = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialogue.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialogue}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="rester-connecte-titre"
      aria-describedby="rester-connecte-texte"
      onClose={onFermer}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-md border-l-4 border-sky-700 bg-white p-6 shadow-lg backdrop:bg-black/40"
    >
      <h2 id="rester-connecte-titre" className="mb-2 text-lg font-bold">
        Votre session va expirer dans 2 minutes.
      </h2>
      <p id="rester-connecte-texte" className="mb-4">
        Sans action de votre part, vous serez déconnecté et ce que vous n&apos;avez pas enregistré pourrait être perdu.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="button" className="bouton-principal" autoFocus onClick={onRester}>
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
