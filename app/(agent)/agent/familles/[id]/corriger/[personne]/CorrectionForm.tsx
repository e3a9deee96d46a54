"use client";
// The correction of one person: the declaration's own fields, filled with what the family holds now.
import Link from "next/link";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { PersonneFields } from "@/components/famille/PersonneFields";
import type { Role } from "@/lib/domain/famille/schemas";
import { corrigerPersonneAction } from "./actions";

type Props = { familleId: string; personne: string; role: Role; initial: Record<string, string> };

export function CorrectionForm({ familleId, personne, role, initial }: Props) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(
    corrigerPersonneAction.bind(null, familleId, personne),
    { valeurs: initial },
  );
  const { values: v, errors } = state;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
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
