"use client";
// One activity under a child in CRÉER UNE INSCRIPTION: a click starts (or takes up) its draft.
import type { FormState } from "@/lib/forms";
import { commencerInscriptionAction } from "@/app/(portail)/inscriptions/actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

const commencer: (precedent: FormState, formData: FormData) => Promise<FormState> = commencerInscriptionAction;

export function ActiviteBouton({
  enfantId,
  enfant,
  activiteId,
  libelle,
}: {
  enfantId: string;
  enfant: string;
  activiteId: number;
  libelle: string;
}) {
  const { state, formAction: action, pending, formRef, attente } = useFormulaireAction(commencer, { focus: "champ" });
  return (
    <form ref={formRef} action={action} aria-busy={pending}>
      {attente}
      <input type="hidden" name="enfant" value={enfantId} />
      <input type="hidden" name="activite" value={activiteId} />
      <button
        type="submit"
        className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-left font-semibold text-marque-fonce hover:bg-marque-clair"
        disabled={pending}
      >
        {libelle}
        <span className="sr-only"> : {enfant}</span>
      </button>
      {state.message && (
        <p role="alert" className="mt-1 text-sm font-semibold text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
