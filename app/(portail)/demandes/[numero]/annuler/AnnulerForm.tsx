"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import type { FormState } from "@/lib/forms";
import { annulerDemandeAction } from "../actions";

const annuler: (precedent: FormState, formData: FormData) => Promise<FormState> = annulerDemandeAction;

export function AnnulerForm({ numero }: { numero: number }) {
  const [state, action, pending] = useActionState(annuler, { values: {}, errors: {} });
  return (
    <form action={action} aria-busy={pending} className="mb-6">
      <input type="hidden" name="numero" value={numero} />
      {state.message && <Alert kind="erreur" title={state.message} />}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Oui, annuler ma demande
      </button>
    </form>
  );
}
