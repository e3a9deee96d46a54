"use client";
// « Tous présents » for one unit: every child booked and not yet marked is marked présent in one go; the agent
// then marks the absent ones one by one. The outcome is said below the button, focused.
import { tousPresentsAction } from "./actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

type Props = { uniteId: number; lieuId: number; date: string; unite: string; restants: number };

export function TousPresents({ uniteId, lieuId, date, unite, restants }: Props) {
  const { formAction, pending, formRef, onSubmit, annonce } = useFormulaireAction(tousPresentsAction);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="mb-3 print:hidden">
      <input type="hidden" name="uniteId" value={uniteId} />
      <input type="hidden" name="lieuId" value={lieuId} />
      <input type="hidden" name="date" value={date} />
      <button type="submit" className="bouton-secondaire" disabled={pending || restants === 0}>
        Tous présents<span className="sr-only"> ({unite})</span>
      </button>
      {annonce && <div className="mt-2">{annonce}</div>}
    </form>
  );
}
