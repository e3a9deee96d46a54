"use client";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { PasswordField } from "@/components/ui/PasswordField";
import { choisirMotDePasse } from "../actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

export function NouveauMotDePasseForm({ token }: { token: string }) {
  const {
    state,
    formAction: action,
    pending,
    formRef,
    attente,
  } = useFormulaireAction(choisirMotDePasse, { focus: "champ" });
  return (
    <form ref={formRef} action={action} noValidate aria-busy={pending}>
      {attente}
      <input type="hidden" name="token" value={token} />
      {state.message && (
        <Alert kind="erreur" title={state.message}>
          <p>
            <Link href="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        </Alert>
      )}
      <PasswordField
        name="motDePasse"
        label="Nouveau mot de passe"
        defaultValue={state.values.motDePasse}
        error={state.errors.motDePasse}
      />
      <PasswordField
        name="confirmation"
        label="Confirmation du mot de passe"
        defaultValue={state.values.confirmation}
        error={state.errors.confirmation}
        showRule={false}
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Valider
      </button>
    </form>
  );
}
