"use client";
// Validate or refuse one request, or all those listed: the answer in place.
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { envoiSansReinitialisation } from "@/components/ui/envoi-sans-reinitialisation";
import type { Action } from "@/lib/action";
import type { FormState } from "@/lib/forms";

export function DecisionForm({ action, ids, contexte }: { action: Action; ids: string[]; contexte: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, { values: {}, errors: {} });
  return (
    <form
      action={formAction}
      onSubmit={envoiSansReinitialisation(formAction)}
      aria-busy={pending}
      className="flex flex-wrap items-center gap-2"
    >
      {state.message && <Alert kind={state.ok ? "succes" : "erreur"} title={state.message} />}
      <input type="hidden" name="ids" value={ids.join(",")} />
      <button type="submit" name="decision" value="valider" className="bouton-principal" disabled={pending}>
        Valider<span className="sr-only"> {contexte}</span>
      </button>
      <button type="submit" name="decision" value="refuser" className="bouton-secondaire" disabled={pending}>
        Refuser<span className="sr-only"> {contexte}</span>
      </button>
    </form>
  );
}
