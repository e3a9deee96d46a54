"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { TextField } from "@/components/ui/Field";
import { CodesSecours } from "./CodesSecours";
import { activerDoubleAuthentification, regenererCodes, type EtatCodes } from "./actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

/**
 * The page's content in both states, at the same place in the tree: activating sets the new session's
 * cookie, which makes Next.js render the page again, now in its "activée" state; the recovery codes, held in
 * this component's state, must survive that render to be shown once.
 */
export function Enrolement({ actif, children }: { actif: boolean; children: ReactNode }) {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction<EtatCodes>(
    activerDoubleAuthentification,
    {
      focus: "champ",
    },
  );
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
  if (actif) return children;
  return (
    <>
      {children}
      <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
        {annonce}
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
    </>
  );
}

export function RegenererForm() {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction<EtatCodes>(regenererCodes, {
    focus: "champ",
  });
  return (
    <form ref={formRef} action={formAction} aria-busy={pending}>
      {annonce}
      {state.codesSecours && <CodesSecours codes={state.codesSecours} />}
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Générer de nouveaux codes de secours
      </button>
    </form>
  );
}
