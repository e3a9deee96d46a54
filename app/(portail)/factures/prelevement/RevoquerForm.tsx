"use client";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { CheckboxField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";
import { revoquerMandatAction } from "./actions";

const revoquer: (precedent: FormState, formData: FormData) => Promise<FormState> = revoquerMandatAction;

/** « Révoquer le mandat », once the box confirms it. */
export function RevoquerForm({ rum }: { rum: string }) {
  const { state, formAction, onSubmit, pending, formRef, annonce } = useFormulaireAction(revoquer);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <input type="hidden" name="rum" value={rum} />
      <CheckboxField
        name="confirmation"
        label="Je confirme la révocation : les prélèvements pas encore transmis à la banque seront annulés."
        required
        error={state.errors.confirmation}
      />
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Révoquer le mandat
      </button>
    </form>
  );
}
