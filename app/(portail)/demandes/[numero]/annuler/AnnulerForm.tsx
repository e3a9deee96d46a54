"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { annulerDemandeAction } from "../actions";

export function AnnulerForm({ numero }: { numero: number }) {
  const [state, action, pending] = useActionState(annulerDemandeAction.bind(null, numero), {});
  return (
    <form action={action} aria-busy={pending} className="mb-6">
      {state.message && <Alert kind="erreur" title={state.message} />}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Oui, annuler ma demande
      </button>
    </form>
  );
}
