"use client";
// ANNULER LA DÉMARCHE / < RETOUR À L'ÉTAPE 1 / VALIDER, as the seed lines them up under every démarche's recap.
// The actions come bound from the page (a demande's id, a child's); `annuler` is null when there is nothing to cancel.
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";

type Props = { valider: () => Promise<{ message?: string }>; retour: () => Promise<void>; annuler: string | null };

export function ValiderRecapForm({ valider, retour, annuler }: Props) {
  const [state, action, pending] = useActionState(valider, {});
  return (
    <form action={action} aria-busy={pending}>
      {state.message && <Alert kind="erreur" title={state.message} />}
      <div className="mt-8 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
        {annuler ? (
          <Link href={annuler} className="bouton-discret no-underline">
            Annuler la démarche
          </Link>
        ) : (
          <span />
        )}
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" formAction={retour} className="bouton-secondaire">
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
