"use client";
// The bank's rejects as a CSV file (or its lines pasted): the lines in error come back with their numbers beside
// the field, the good ones are applied; the answer is announced at the top of the form.
import { FieldMessages, Label } from "@/components/ui/Field";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import type { FormState } from "@/lib/forms";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function ImportRejets({ action }: { action: Action }) {
  const { state, formAction, pending, onSubmit, formRef, annonce } = useFormulaireAction(action);
  const erreur = state.errors.csv;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <div className="mb-4">
        <Label htmlFor="fichier">Fichier CSV de la banque</Label>
        <input
          id="fichier"
          type="file"
          name="fichier"
          accept=".csv,text/csv,text/plain"
          className="champ"
          aria-describedby={`csv-aide${erreur ? " csv-erreur" : ""}`}
          aria-invalid={erreur ? true : undefined}
        />
      </div>
      <div className="mb-4">
        <Label htmlFor="csv">Ou collez ses lignes</Label>
        <textarea
          id="csv"
          name="csv"
          rows={4}
          defaultValue={state.ok ? "" : (state.values.csv ?? "")}
          aria-describedby={`csv-aide${erreur ? " csv-erreur" : ""}`}
          aria-invalid={erreur ? true : undefined}
          className="champ"
        />
        <FieldMessages
          name="csv"
          error={erreur}
          hint="Une ligne par rejet : référence (RUM ou EndToEndId) ; code de rejet ; date (facultative, JJ/MM/AAAA). Une ligne d'en-tête est acceptée."
        />
      </div>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Importer les rejets
      </button>
    </form>
  );
}
