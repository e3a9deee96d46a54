"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { TextField } from "@/components/ui/Field";
import { CodesSecours } from "./CodesSecours";
import { activerDoubleAuthentification, regenererCodes, type EtatCodes } from "./actions";

const initial: EtatCodes = { values: {}, errors: {} };

export function ActiverForm() {
  const [state, formAction, pending] = useActionState(activerDoubleAuthentification, initial);
  if (state.codesSecours) {
    return (
      <>
        <Alert kind="succes" title="La double authentification est activée." />
        <CodesSecours codes={state.codesSecours} />
        <Link href="/agent" className="bouton-principal no-underline">
          Continuer vers la console
        </Link>
      </>
    );
  }
  return (
    <form action={formAction} noValidate aria-busy={pending}>
      {state.message && <Alert kind="erreur" title={state.message} />}
      <TextField
        name="code"
        label="Code à 6 chiffres affiché par l'application"
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        error={state.errors.code}
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Activer la double authentification
      </button>
    </form>
  );
}

export function RegenererForm() {
  const [state, formAction, pending] = useActionState(regenererCodes, initial);
  return (
    <form action={formAction} aria-busy={pending}>
      {state.message && <Alert kind="erreur" title={state.message} />}
      {state.codesSecours && <CodesSecours codes={state.codesSecours} />}
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Générer de nouveaux codes de secours
      </button>
    </form>
  );
}
