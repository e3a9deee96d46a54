"use client";
// "Imprimer": the time of the print is recorded first (changes after the first one are marked on the list),
// then the browser's print dialog opens. Without JavaScript the page comes back saying to print it.
import { useEffect } from "react";
import { imprimerListeAction } from "./actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

export function BoutonImprimer({ date, lieux }: { date: string; lieux: number[] }) {
  const { state, formAction, pending, formRef, onSubmit, attente } = useFormulaireAction(imprimerListeAction, {
    focus: "champ",
  });
  useEffect(() => {
    if (state.ok) window.print();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="print:hidden">
      {attente}
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
