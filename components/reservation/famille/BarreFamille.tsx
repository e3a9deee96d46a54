"use client";
// The family's « Enregistrer », kept at the bottom of the screen: first the change in numbers (« + 10 jours,
// − 0 jour »), then « Confirmer l'enregistrement », which sends every child's changes at once. The page's
// address goes with it: if the session has expired, the login brings the parent back to this week or month.
import { useEffect, useRef, useState } from "react";
import { compte } from "@/lib/domain/reservation/brouillon";
import type { ChangementFamille } from "@/lib/domain/reservation/famille";

const jours = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

export function BarreFamille({
  formAction,
  pending,
  changements,
  page,
}: {
  /** the page's address now (its week or month): where a login after an expired session comes back to */
  page: string;
  formAction: (formData: FormData) => void;
  pending: boolean;
  changements: ChangementFamille[];
}) {
  const [apercu, setApercu] = useState(false);
  const confirmer = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (apercu) confirmer.current?.focus();
  }, [apercu]);
  const { plus, moins } = compte(changements);
  return (
    <form action={formAction} className="sticky bottom-0 space-y-2 border-t border-stone-300 bg-white py-3">
      <input type="hidden" name="changements" value={JSON.stringify(changements)} />
      <input type="hidden" name="page" value={page} />
      {apercu ? (
        <div role="region" aria-label="Changements à enregistrer" className="space-y-2">
          <p className="font-semibold">
            Changements pour la famille : + {jours(plus)}, − {jours(moins)}
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
          {changements.length > 0 && (
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
