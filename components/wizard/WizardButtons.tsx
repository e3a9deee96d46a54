"use client";
// ANNULER / PRÉCÉDENT / SUIVANT (VALIDER at the last step), as in the seed. ANNULER posts to its own action
// through formAction, so it needs no second form. It wipes everything typed, and on a phone it sits right under
// SUIVANT: a first click asks (the question focused), the second wipes. Without JavaScript it posts at once.
import { useEffect, useRef, useState, type MouseEvent } from "react";

export function WizardButtons({
  annuler,
  dernier,
}: {
  annuler: (formData: FormData) => Promise<void>;
  dernier?: boolean;
}) {
  const [confirmer, setConfirmer] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirmer) question.current?.focus();
  }, [confirmer]);
  function demander(event: MouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    setConfirmer(true);
  }
  return (
    <div className="mt-8 border-t border-stone-200 pt-6">
      {confirmer && (
        <div className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
          <p ref={question} tabIndex={-1} className="mb-3 font-semibold">
            Annuler la création de votre espace ? Tout ce que vous avez saisi sera effacé.
          </p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <button type="submit" formAction={annuler} formNoValidate className="bouton-secondaire">
              Oui, tout effacer
            </button>
            <button type="button" className="bouton-principal" onClick={() => setConfirmer(false)}>
              Non, continuer la saisie
            </button>
          </div>
        </div>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-between">
        {!confirmer && (
          <button type="submit" formAction={annuler} formNoValidate className="bouton-discret" onClick={demander}>
            Annuler
          </button>
        )}
        <div className="flex flex-col gap-3 sm:flex-row sm:ml-auto">
          <button type="submit" name="intent" value="precedent" formNoValidate className="bouton-secondaire">
            Précédent
          </button>
          <button type="submit" name="intent" value="suivant" className="bouton-principal" data-default-submit>
            {dernier ? "Valider" : "Suivant"}
          </button>
        </div>
      </div>
    </div>
  );
}
