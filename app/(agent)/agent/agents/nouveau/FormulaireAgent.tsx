"use client";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { SelectField, TextField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import { ROLES } from "@/lib/domain/agent/schemas";
import type { FormState } from "@/lib/forms";
import { creerAgentAction } from "./actions";

export function FormulaireAgent() {
  const [state, formAction, pending] = useActionState(creerAgentAction, { values: {}, errors: {} } satisfies FormState);
  const { values, errors } = state;
  return (
    <form action={formAction} noValidate aria-busy={pending}>
      {state.message && <Alert kind="erreur" title={state.message} />}
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
