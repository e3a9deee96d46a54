"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import type { FormState } from "@/lib/forms";
import { payerEnLigneAction } from "./actions";

const payer: (precedent: FormState, formData: FormData) => Promise<FormState> = payerEnLigneAction;

/** The "Payer en ligne" button of one invoice: to PayFiP's page, or the reason why not beside it. */
export function PayerForm({ numero }: { numero: string }) {
  const [state, action, pending] = useActionState(payer, { values: {}, errors: {} });
  return (
    <form action={action} aria-busy={pending}>
      <input type="hidden" name="numero" value={numero} />
      {state.message && <Alert kind="erreur" title={state.message} />}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Payer en ligne
      </button>
    </form>
  );
}
