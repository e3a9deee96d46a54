"use client";
import type { FormState } from "@/lib/forms";
import { payerEnLigneAction } from "./actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

const payer: (precedent: FormState, formData: FormData) => Promise<FormState> = payerEnLigneAction;

/** The "Payer en ligne" button of one invoice: to PayFiP's page, or the reason why not beside it. */
export function PayerForm({ numero }: { numero: string }) {
  const { formAction: action, pending, formRef, annonce } = useFormulaireAction(payer, { focus: "champ" });
  return (
    <form ref={formRef} action={action} aria-busy={pending}>
      <input type="hidden" name="numero" value={numero} />
      {annonce}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Payer en ligne
      </button>
    </form>
  );
}
