"use client";
// The transport scolaire's form: « Oui » or « Non », and for a « Oui » the days and the trips. A refused answer
// keeps what was ticked and says why beside the question, the summary at the top taking the focus.
import type { ReactNode } from "react";
import { FieldMessages } from "@/components/ui/Field";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { JOURS_SEMAINE } from "@/lib/domain/transport/texte";
import type { FormState } from "@/lib/forms";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

function Question({
  name,
  legende,
  error,
  children,
}: {
  name: string;
  legende: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="mb-4" aria-describedby={error ? `${name}-erreur` : undefined}>
      <legend className="mb-1 font-semibold">{legende}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">{children}</div>
      <FieldMessages name={name} error={error} />
    </fieldset>
  );
}

function Case({
  name,
  label,
  coche,
  type = "checkbox",
  value = "on",
}: {
  name: string;
  label: string;
  coche: boolean;
  type?: "checkbox" | "radio";
  value?: string;
}) {
  return (
    <label className="inline-flex min-h-11 items-center gap-2">
      <input type={type} name={name} value={value} defaultChecked={coche} className="size-5 accent-marque" />
      {label}
    </label>
  );
}

export function TransportForm({
  action,
  prenom,
  jours,
  valeurs,
}: {
  action: Action;
  prenom: string;
  /** the ISO weekdays offered (the commune's school days) */
  jours: number[];
  /** the answer the form starts from (the child's current one) */
  valeurs: Record<string, string>;
}) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(action, { valeurs });
  const v = state.values;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <Question
        name="prendLeBus"
        legende="Votre enfant prend-il le transport scolaire ?"
        error={state.errors.prendLeBus}
      >
        <Case type="radio" name="prendLeBus" value="OUI" label="Oui" coche={v.prendLeBus === "OUI"} />
        <Case type="radio" name="prendLeBus" value="NON" label="Non" coche={v.prendLeBus === "NON"} />
      </Question>
      <Question name="jours" legende="Quels jours ? (si oui)" error={state.errors.jours}>
        {jours.map((j) => (
          <Case key={j} name={`jour${j}`} label={JOURS_SEMAINE[j]!} coche={v[`jour${j}`] === "on"} />
        ))}
      </Question>
      <Question name="trajets" legende="Quels trajets ? (si oui)" error={state.errors.trajets}>
        <Case name="matin" label="Matin" coche={v.matin === "on"} />
        <Case name="soir" label="Soir" coche={v.soir === "on"} />
      </Question>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Envoyer le signalement<span className="sr-only"> pour {prenom}</span>
      </button>
    </form>
  );
}
