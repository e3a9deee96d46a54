"use client";
// The fiche's forms that have a field (the button-only ones use SimpleForm).
import { SelectField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import { ROLES } from "@/lib/domain/agent/schemas";
import { changerRole, reinitialiserMotDePasse } from "./actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

export function FormulaireRole({ agentId, role }: { agentId: string; role: string }) {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction(changerRole, { focus: "champ" });
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
      {annonce}
      <input type="hidden" name="agentId" value={agentId} />
      <SelectField name="role" label="Rôle" required options={ROLES} defaultValue={role} error={state.errors.role} />
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Changer le rôle
      </button>
    </form>
  );
}

export function FormulaireMotDePasse({ agentId }: { agentId: string }) {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction(reinitialiserMotDePasse, {
    focus: "champ",
  });
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
      {annonce}
      <input type="hidden" name="agentId" value={agentId} />
      <PasswordField
        name="motDePasse"
        label="Nouveau mot de passe"
        defaultValue={state.values.motDePasse}
        key={state.ok ? "vide" : "saisi"}
        error={state.errors.motDePasse}
      />
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Réinitialiser le mot de passe
      </button>
    </form>
  );
}
