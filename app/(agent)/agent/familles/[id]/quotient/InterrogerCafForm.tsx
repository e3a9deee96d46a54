"use client";
// « Interroger la CAF / MSA »: one button, and the INSEE code of the titulaire's commune of birth when the
// family's file has none. The answer (the QF kept, or why not) comes into view and takes the focus.
import { TextField } from "@/components/ui/Field";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import type { FormState } from "@/lib/forms";

export function InterrogerCafForm({
  action,
  demanderCode,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  demanderCode: boolean;
}) {
  const { state, formAction, pending, onSubmit, formRef, annonce, cle } = useFormulaireAction(action);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      {demanderCode && (
        <TextField
          key={cle}
          name="codeInsee"
          label="Code INSEE de la commune de naissance du titulaire"
          hint="5 caractères : 64102 pour Bayonne. Né à l'étranger : 99 suivi du code du pays (99134 pour l'Espagne)."
          maxLength={5}
          defaultValue={state.values.codeInsee ?? ""}
          error={state.errors.codeInsee}
        />
      )}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Interroger la CAF / MSA
      </button>
    </form>
  );
}
