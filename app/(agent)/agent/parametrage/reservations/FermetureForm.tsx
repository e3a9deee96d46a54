"use client";
// A closure of the commune (pont, grève, exceptionnel): the date, its motif and the label families see.
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import type { Action } from "@/lib/action";

export function FermetureForm({ action }: { action: Action }) {
  const { state, formAction, pending, onSubmit, formRef, annonce } = useFormulaireAction(action, { focus: "champ" });
  const erreur = (champ: string) =>
    state.errors[champ] ? (
      <span id={`${champ}-erreur`} className="text-sm text-red-800">
        {state.errors[champ]}
      </span>
    ) : null;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="space-y-3">
      {annonce}
      <div className="flex flex-col gap-3 sm:flex-row">
        <label className="flex flex-col">
          Date
          <input
            type="date"
            name="date"
            className="champ"
            defaultValue={state.values.date}
            aria-invalid={Boolean(state.errors.date) || undefined}
            aria-describedby={state.errors.date ? "date-erreur" : undefined}
          />
          {erreur("date")}
        </label>
        <label className="flex flex-col">
          Motif
          <select
            name="type"
            className="champ"
            defaultValue={state.values.type ?? "EXCEPTIONNEL"}
            aria-invalid={Boolean(state.errors.type) || undefined}
          >
            <option value="PONT">Pont</option>
            <option value="GREVE">Grève</option>
            <option value="EXCEPTIONNEL">Exceptionnel</option>
          </select>
          {erreur("type")}
        </label>
        <label className="flex flex-col">
          Libellé affiché aux familles
          <input
            name="libelle"
            className="champ"
            defaultValue={state.values.libelle}
            aria-invalid={Boolean(state.errors.libelle) || undefined}
            aria-describedby={state.errors.libelle ? "libelle-erreur" : undefined}
          />
          {erreur("libelle")}
        </label>
      </div>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Fermer ce jour
      </button>
    </form>
  );
}
