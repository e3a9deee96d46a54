"use client";
// « Enregistrer » of the month view, kept at the bottom of the screen: first the change in numbers for a
// look (« + 3 jours, − 1 jour »), then « Confirmer l'enregistrement », which sends the draft's diff.
import { useState } from "react";
import { compte } from "@/lib/domain/reservation/brouillon";
import type { Changement } from "@/lib/domain/reservation/enregistrer";

const jours = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

export function BarreEnregistrement({
  formAction,
  pending,
  inscriptionId,
  prenom,
  changements,
}: {
  formAction: (formData: FormData) => void;
  pending: boolean;
  inscriptionId: string;
  prenom: string;
  changements: Changement[];
}) {
  const [apercu, setApercu] = useState(false);
  const { plus, moins } = compte(changements);
  return (
    <form action={formAction} className="sticky bottom-0 space-y-2 border-t border-stone-300 bg-white py-3">
      <input type="hidden" name="inscriptionId" value={inscriptionId} />
      <input type="hidden" name="changements" value={JSON.stringify(changements)} />
      {apercu ? (
        <div role="region" aria-label="Changements à enregistrer" className="space-y-2">
          <p className="font-semibold">
            Changements pour {prenom} : + {jours(plus)}, − {jours(moins)}
          </p>
          <div className="flex flex-col gap-2 sm:flex-row">
            <button type="submit" className="bouton-principal" disabled={pending}>
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
          className="bouton-principal"
          disabled={changements.length === 0}
          onClick={() => setApercu(true)}
        >
          Enregistrer
        </button>
      )}
    </form>
  );
}
