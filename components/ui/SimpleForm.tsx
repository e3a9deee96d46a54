"use client";
// A one-purpose form (resend a link, ask for a reset): its fields, one button, and the answer in place.
import { useActionState, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { TextField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  bouton: string;
  hidden?: Record<string, string>;
  field?: { name: string; label: string; type?: string; autoComplete?: string; hint?: ReactNode };
};

export function SimpleForm({ action, bouton, hidden = {}, field }: Props) {
  const [state, formAction, pending] = useActionState(action, { values: {}, errors: {} });
  return (
    <form action={formAction} noValidate aria-busy={pending}>
      {state.message && <Alert kind={state.ok ? "succes" : "erreur"} title={state.message} />}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {field && (
        <TextField
          name={field.name}
          label={field.label}
          type={field.type ?? "text"}
          required
          autoComplete={field.autoComplete}
          hint={field.hint}
          defaultValue={state.values[field.name]}
          error={state.errors[field.name]}
        />
      )}
      <button type="submit" className="bouton-principal" disabled={pending}>
        {bouton}
      </button>
    </form>
  );
}
