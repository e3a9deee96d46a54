"use client";
// « Enregistrer » of the month view and of the family view, kept at the bottom of the screen: first the change in
// numbers for a look (« + 3 jours, − 1 jour »), focused, then « Confirmer l'enregistrement », which sends the
// draft's diff with the caller's hidden fields (the inscription; or the family view's page address, where a login
// after an expired session comes back to).
import { useEffect, useRef, useState } from "react";
import { compte } from "@/lib/domain/reservation/brouillon";
import type { Changement } from "@/lib/domain/reservation/enregistrer";

const jours = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

export function BarreEnregistrement({
  formAction,
  pending,
  pour,
  champs,
  changements,
  compteSurLeBouton = false,
}: {
  formAction: (formData: FormData) => void;
  pending: boolean;
  /** whose changes: « Léa », « la famille » */
  pour: string;
  /** the form's hidden fields besides the changes */
  champs: React.ReactNode;
  changements: Changement[];
  /** « Enregistrer (3 jours modifiés) »: the family view, whose changes may be weeks away from the button */
  compteSurLeBouton?: boolean;
}) {
  const [apercu, setApercu] = useState(false);
  const confirmer = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (apercu) confirmer.current?.focus();
  }, [apercu]);
  const { plus, moins } = compte(changements);
  return (
    <form action={formAction} className="sticky bottom-0 space-y-2 border-t border-stone-300 bg-white py-3">
      {champs}
      <input type="hidden" name="changements" value={JSON.stringify(changements)} />
      {apercu ? (
        <div role="region" aria-label="Changements à enregistrer" className="space-y-2">
          <p className="font-semibold">
            Changements pour {pour} : + {jours(plus)}, − {jours(moins)}
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <button ref={confirmer} type="submit" className="bouton-principal" disabled={pending}>
              Confirmer l&apos;enregistrement
            </button>
            <button type="button" className="bouton-secondaire" onClick={() => setApercu(false)}>
              Revenir au calendrier
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="bouton-principal w-full sm:w-auto"
          disabled={changements.length === 0}
          onClick={() => setApercu(true)}
        >
          Enregistrer
          {compteSurLeBouton && changements.length > 0 && (
            <span className="normal-case">
              {" "}
              ({jours(changements.length)} modifié{changements.length > 1 ? "s" : ""})
            </span>
          )}
        </button>
      )}
    </form>
  );
}
