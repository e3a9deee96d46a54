"use client";
// A one-purpose form (resend a link, ask for a reset): its fields, one button, and the answer in place.
import type { ReactNode } from "react";
import { AltchaField } from "@/components/ui/AltchaField";
import { TextField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  bouton: string;
  hidden?: Record<string, string>;
  field?: { name: string; label: string; type?: string; autoComplete?: string; hint?: ReactNode };
  /** the anti-bot check, for a form anyone may send that makes the portal write to someone */
  altcha?: boolean;
};

export function SimpleForm({ action, bouton, hidden = {}, field, altcha }: Props) {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction(action, { focus: "champ" });
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
      {annonce}
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
      {/* a solution is accepted once: each answer brings a fresh check */}
      {altcha && <AltchaField key={state.message ?? state.errors.altcha ?? "premier"} error={state.errors.altcha} />}
      <button type="submit" className="bouton-principal" disabled={pending}>
        {bouton}
      </button>
    </form>
  );
}
