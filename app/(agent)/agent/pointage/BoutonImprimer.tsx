"use client";
// "Imprimer": the time of the print is recorded first (changes after the first one are marked on the list),
// then the browser's print dialog opens. Without JavaScript the page comes back saying to print it.
import { useActionState, useEffect } from "react";
import { envoiSansReinitialisation } from "@/components/ui/envoi-sans-reinitialisation";
import type { FormState } from "@/lib/forms";
import { imprimerListeAction } from "./actions";

export function BoutonImprimer({ date, lieux }: { date: string; lieux: number[] }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(imprimerListeAction, {
    values: {},
    errors: {},
  });
  useEffect(() => {
    if (state.ok) window.print();
  }, [state]);
  return (
    <form action={formAction} onSubmit={envoiSansReinitialisation(formAction)} className="print:hidden">
      <input type="hidden" name="date" value={date} />
      <input type="hidden" name="lieux" value={lieux.join(",")} />
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Imprimer
      </button>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className="mt-2 text-sm">
          {state.message}
          {state.ok && " Utilisez la commande Imprimer de votre navigateur si elle ne s'est pas ouverte."}
        </p>
      )}
    </form>
  );
}
