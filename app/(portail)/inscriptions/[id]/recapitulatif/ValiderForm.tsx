"use client";
// ANNULER LA DÉMARCHE / < RETOUR À L'ÉTAPE 1 / VALIDER, under the recap.
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { retourEtape1Action, validerInscriptionAction } from "../../actions";

export function ValiderForm({ demandeId }: { demandeId: string }) {
  const [state, valider, pending] = useActionState(validerInscriptionAction.bind(null, demandeId), {});
  return (
    <form action={valider} aria-busy={pending}>
      {state.message && <Alert kind="erreur" title={state.message} />}
      <div className="mt-8 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
        <Link href={`/inscriptions/${demandeId}/annuler`} className="bouton-discret no-underline">
          Annuler la démarche
        </Link>
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" formAction={retourEtape1Action.bind(null, demandeId)} className="bouton-secondaire">
            &lt; Retour à l&apos;étape 1
          </button>
          <button type="submit" className="bouton-principal" disabled={pending}>
            Valider
          </button>
        </div>
      </div>
    </form>
  );
}
