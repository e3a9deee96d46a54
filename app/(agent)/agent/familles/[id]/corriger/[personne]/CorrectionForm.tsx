"use client";
// The correction of one person: the declaration's own fields, filled with what the family holds now.
import Link from "next/link";
import { startTransition, useActionState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { PersonneFields } from "@/components/famille/PersonneFields";
import type { FormState } from "@/lib/forms";
import type { Role } from "@/lib/domain/famille/schemas";
import { corrigerPersonneAction } from "./actions";

type Props = { familleId: string; personne: string; role: Role; initial: Record<string, string> };

export function CorrectionForm({ familleId, personne, role, initial }: Props) {
  const [state, action, pending] = useActionState(corrigerPersonneAction.bind(null, familleId, personne), {
    values: initial,
    errors: {},
  } as FormState);
  const { values: v, errors } = state;

  // Sent from here rather than by the form's own submission, which React follows with a reset that would lose
  // a select's choice when the server refuses a field.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  const nbErreurs = Object.keys(errors).length;
  return (
    <form action={action} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {state.message && <Alert kind="erreur" title={state.message} />}
      {nbErreurs > 0 && (
        <Alert
          kind="erreur"
          title={nbErreurs === 1 ? "Un champ est à corriger." : `${nbErreurs} champs sont à corriger.`}
        />
      )}
      <PersonneFields role={role} v={v} errors={errors} />
      <div className="mt-6 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
        <Link href={`/agent/familles/${familleId}#${personne}`} className="bouton-discret no-underline">
          Annuler
        </Link>
        <button type="submit" className="bouton-principal" disabled={pending}>
          Enregistrer la correction
        </button>
      </div>
    </form>
  );
}
