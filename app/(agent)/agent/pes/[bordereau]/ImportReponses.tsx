"use client";
// The comptable's answers as a CSV file: after sending, what was recorded and each line in error with its number.
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { FieldMessages, Label } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";

type Etat = FormState & { lignesEnErreur?: { ligne: number; message: string }[] };

export function ImportReponses({
  action,
  bordereauId,
}: {
  action: (previous: Etat, formData: FormData) => Promise<Etat>;
  bordereauId: string;
}) {
  const { state, formAction, pending, onSubmit, formRef, annonce, cle } = useFormulaireAction(action);
  const erreurs = state.lignesEnErreur ?? [];
  return (
    <form key={cle} ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      {erreurs.length > 0 && (
        <ul className="mb-3 list-disc pl-6" aria-label="Lignes en erreur">
          {erreurs.map((e) => (
            <li key={e.ligne}>
              Ligne {e.ligne} : {e.message}
            </li>
          ))}
        </ul>
      )}
      <input type="hidden" name="bordereauId" value={bordereauId} />
      <div className="mb-3">
        <Label htmlFor="fichier" required>
          Fichier CSV des réponses
        </Label>
        <input
          id="fichier"
          name="fichier"
          type="file"
          accept=".csv,text/csv"
          className="champ"
          aria-describedby={state.errors.fichier ? "fichier-aide fichier-erreur" : "fichier-aide"}
          aria-invalid={state.errors.fichier ? true : undefined}
          required
        />
        <FieldMessages
          name="fichier"
          error={state.errors.fichier}
          hint="Une ligne par titre : numéro de facture, d'avoir ou de pièce ; état (pris en charge, rejeté, recouvré) ; motif ; montant ; date. Séparateur « ; » ou « , »."
        />
      </div>
      <button type="submit" className="bouton" disabled={pending}>
        Importer les réponses
      </button>
    </form>
  );
}
