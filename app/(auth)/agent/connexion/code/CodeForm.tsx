"use client";
import { TextField } from "@/components/ui/Field";
import { verifierCode } from "./actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

export function CodeForm({ suite }: { suite: string }) {
  const { state, formAction, pending, formRef, attente } = useFormulaireAction(verifierCode, {
    initial: { values: { suite }, errors: {} },
    focus: "champ",
  });
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
      {attente}
      <input type="hidden" name="suite" value={state.values.suite ?? ""} />
      <TextField
        name="code"
        label="Code de vérification"
        required
        autoComplete="one-time-code"
        autoFocus
        spellCheck={false}
        hint="Les 6 chiffres affichés par votre application, ou l'un de vos codes de secours (par exemple ABCDE-FGH23) si vous n'avez pas votre téléphone."
        error={state.errors.code}
      />
      <button type="submit" className="bouton-principal w-full sm:w-auto" disabled={pending}>
        Valider
      </button>
    </form>
  );
}
