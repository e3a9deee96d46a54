"use client";
// « Mon quotient familial »'s two forms: the consent to API Particulier (a box and its button), and « Mettre à
// jour depuis la CAF ou la MSA » with the titulaire's identity. Each answer comes into view and takes the focus.
import { CheckboxField } from "@/components/ui/Field";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import type { FormState } from "@/lib/forms";
import { consentirQuotientAction, mettreAJourQuotientAction } from "./actions";

export const LIBELLE_CONSENTEMENT =
  "J'autorise la commune à consulter mon quotient familial auprès de la CAF ou de la MSA (API Particulier)";

export function ConsentementForm({ consenti }: { consenti: boolean }) {
  const { state, formAction, pending, onSubmit, formRef, annonce, cle } = useFormulaireAction(
    consentirQuotientAction as (previous: FormState, formData: FormData) => Promise<FormState>,
  );
  const coche = state.ok || !state.message ? consenti : state.values.consentement === "on";
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <CheckboxField
        key={`${cle}-${consenti}`}
        name="consentement"
        label={LIBELLE_CONSENTEMENT}
        defaultChecked={coche}
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer mon choix
      </button>
    </form>
  );
}

export function MiseAJourForm() {
  const { formAction, pending, formRef, annonce } = useFormulaireAction(
    mettreAJourQuotientAction as (previous: FormState, formData: FormData) => Promise<FormState>,
  );
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
      {annonce}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Mettre à jour depuis la CAF ou la MSA
      </button>
    </form>
  );
}
