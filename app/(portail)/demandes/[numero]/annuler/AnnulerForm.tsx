"use client";
import type { FormState } from "@/lib/forms";
import { annulerDemandeAction } from "../actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

const annuler: (precedent: FormState, formData: FormData) => Promise<FormState> = annulerDemandeAction;

export function AnnulerForm({ numero }: { numero: number }) {
  const { formAction: action, pending, formRef, annonce } = useFormulaireAction(annuler, { focus: "champ" });
  return (
    <form ref={formRef} action={action} aria-busy={pending} className="mb-6">
      <input type="hidden" name="numero" value={numero} />
      {annonce}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Oui, annuler ma demande
      </button>
    </form>
  );
}
