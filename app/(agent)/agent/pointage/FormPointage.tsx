"use client";
// One child's taps on the day's list: each button sends the form at once (saved as the staff go), the state
// shown pressed. Without JavaScript the form is a plain POST to the action; with it, no reload, and a refusal
// is said beside the buttons.
import { ETATS_POINTAGE } from "@/lib/domain/pointage/schemas";
import type { EtatPointage } from "@/lib/generated/prisma/enums";
import { pointerAction } from "./actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

type Props = {
  nom: string;
  enfantId: string;
  uniteId: number;
  lieuId: number;
  date: string;
  etat: EtatPointage | null;
  /** the buttons offered: Présent / Absent for a child on the list, Présent sans réservation otherwise */
  choix: EtatPointage[];
};

export function FormPointage({ nom, enfantId, uniteId, lieuId, date, etat, choix }: Props) {
  const { state, formAction, pending, formRef, onSubmit } = useFormulaireAction(pointerAction, { focus: "champ" });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} aria-busy={pending}>
      <input type="hidden" name="enfantId" value={enfantId} />
      <input type="hidden" name="uniteId" value={uniteId} />
      <input type="hidden" name="lieuId" value={lieuId} />
      <input type="hidden" name="date" value={date} />
      <div role="group" aria-label={nom} className="flex flex-wrap gap-2 print:hidden">
        {choix.map((valeur) => (
          <button
            key={valeur}
            type="submit"
            name="etat"
            value={valeur}
            aria-pressed={etat === valeur}
            disabled={pending}
            className={
              etat !== valeur
                ? "bouton-secondaire min-w-28"
                : `bouton min-w-28 border-2 text-white ${valeur === "ABSENT" ? "border-red-800 bg-red-800" : "border-green-800 bg-green-800"}`
            }
          >
            {etat === valeur && <span aria-hidden="true">✓</span>}
            {ETATS_POINTAGE[valeur]}
          </button>
        ))}
      </div>
      {state.message && state.ok === false && (
        <p role="alert" className="mt-1 text-sm font-semibold text-red-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
