"use client";
import { TextField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";
import { affecterPaiementAction } from "../actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

const affecter: (precedent: FormState, formData: FormData) => Promise<FormState> = affecterPaiementAction;

type Ligne = { id: string; numero: string; echeance: string; plafond: string; valeur: string };

/** One amount per open invoice of the family (what this payment gives it); the server checks every total. */
export function AffectationForm({ paiementId, lignes }: { paiementId: string; lignes: Ligne[] }) {
  const { state, formAction: action, pending, formRef, annonce } = useFormulaireAction(affecter, { focus: "champ" });
  return (
    <form ref={formRef} action={action} aria-busy={pending} noValidate>
      <input type="hidden" name="paiementId" value={paiementId} />
      {annonce}
      {lignes.map((l) => (
        <TextField
          key={l.id}
          name={`facture-${l.id}`}
          label={`Facture ${l.numero} (échéance ${l.echeance})`}
          hint={`Au plus ${l.plafond}`}
          defaultValue={state.values[`facture-${l.id}`] ?? l.valeur}
          error={state.errors[`facture-${l.id}`]}
          autoComplete="off"
        />
      ))}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer l&apos;affectation
      </button>
    </form>
  );
}
