"use client";
// Validate or refuse one request, or all those listed: the answer in place.
import type { Action } from "@/lib/action";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

export function DecisionForm({ action, ids, contexte }: { action: Action; ids: string[]; contexte: string }) {
  const { formAction, pending, onSubmit, formRef, annonce } = useFormulaireAction(action, { focus: "champ" });
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      aria-busy={pending}
      className="flex flex-wrap items-center gap-2"
    >
      {annonce}
      <input type="hidden" name="ids" value={ids.join(",")} />
      <button type="submit" name="decision" value="valider" className="bouton-principal" disabled={pending}>
        Valider<span className="sr-only"> {contexte}</span>
      </button>
      <button type="submit" name="decision" value="refuser" className="bouton-secondaire" disabled={pending}>
        Refuser<span className="sr-only"> {contexte}</span>
      </button>
    </form>
  );
}
