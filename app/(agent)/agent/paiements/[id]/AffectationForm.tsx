"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { TextField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";
import { affecterPaiementAction } from "../actions";

const affecter: (precedent: FormState, formData: FormData) => Promise<FormState> = affecterPaiementAction;

type Ligne = { id: string; numero: string; echeance: string; plafond: string; valeur: string };

/** One amount per open invoice of the family (what this payment gives it); the server checks every total. */
export function AffectationForm({ paiementId, lignes }: { paiementId: string; lignes: Ligne[] }) {
  const [state, action, pending] = useActionState(affecter, { values: {}, errors: {} });
  return (
    <form action={action} aria-busy={pending} noValidate>
      <input type="hidden" name="paiementId" value={paiementId} />
      {state.message && <Alert kind={state.ok ? "succes" : "erreur"} title={state.message} />}
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
