"use client";
import { useActionState } from "react";
import { TextField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";
import { verifierCode } from "./actions";

export function CodeForm({ suite }: { suite: string }) {
  const [state, formAction, pending] = useActionState(verifierCode, {
    values: { suite },
    errors: {},
  } satisfies FormState);
  return (
    <form action={formAction} noValidate aria-busy={pending}>
      <input type="hidden" name="suite" value={state.values.suite ?? ""} />
      <TextField
        name="code"
        label="Code de vérification"
        required
        autoComplete="one-time-code"
        autoFocus
        spellCheck={false}
        hint="Les 6 chiffres affichés par votre application, ou l'un de vos codes de secours (par exemple ABCDE-FGH23) si vous n'avez pas votre téléphone."
        error={state.errors.code}
      />
      <button type="submit" className="bouton-principal w-full sm:w-auto" disabled={pending}>
        Valider
      </button>
    </form>
  );
}
