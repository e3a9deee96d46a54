"use client";
// One person of the family typed on its own (a child, a co-représentant added after the validation): the
// declaration's own fields (PersonneFields), each error beside its field, nothing typed lost on a refusal.
import Link from "next/link";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { PersonneFields } from "@/components/famille/PersonneFields";
import type { Role } from "@/lib/domain/famille/schemas";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  role: Role;
  valeurs?: Record<string, string>;
  bouton: string;
};

export function PersonneForm({ action, role, valeurs = {}, bouton }: Props) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(action, { valeurs });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <PersonneFields role={role} v={state.values} errors={state.errors} />
      <div className="mt-6 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
        <Link href="/famille" className="bouton-discret no-underline">
          Annuler
        </Link>
        <button type="submit" className="bouton-principal" disabled={pending}>
          {bouton}
        </button>
      </div>
    </form>
  );
}
