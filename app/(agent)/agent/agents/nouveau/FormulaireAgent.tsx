"use client";
import { SelectField, TextField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import { ROLES } from "@/lib/domain/agent/schemas";
import { creerAgentAction } from "./actions";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

export function FormulaireAgent() {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction(creerAgentAction, { focus: "champ" });
  const { values, errors } = state;
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
      {annonce}
      <TextField
        name="identifiant"
        label="Identifiant"
        required
        autoComplete="off"
        defaultValue={values.identifiant}
        error={errors.identifiant}
        hint="Par exemple prenom.nom : l'agent le saisira pour se connecter."
      />
      <TextField
        name="courriel"
        label="Courriel"
        type="email"
        required
        autoComplete="off"
        defaultValue={values.courriel}
        error={errors.courriel}
      />
      <TextField name="nom" label="Nom" required autoComplete="off" defaultValue={values.nom} error={errors.nom} />
      <TextField
        name="prenom"
        label="Prénom"
        required
        autoComplete="off"
        defaultValue={values.prenom}
        error={errors.prenom}
      />
      <SelectField
        name="role"
        label="Rôle"
        required
        options={ROLES}
        defaultValue={values.role ?? "AGENT"}
        error={errors.role}
        hint="Un administrateur gère les agents et le paramétrage ; il se connecte toujours avec la double authentification."
      />
      <PasswordField
        name="motDePasse"
        label="Mot de passe initial"
        defaultValue={values.motDePasse}
        error={errors.motDePasse}
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Créer l&apos;agent
      </button>
    </form>
  );
}
