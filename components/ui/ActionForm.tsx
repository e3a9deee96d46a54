"use client";
// A form described by its fields (text, select, password, address, free text) and sent to one server action:
// each error beside its field, nothing typed lost on a refusal, and after a success the fields start again from
// the values the page now holds (the passwords emptied).
import type { HTMLInputTypeAttribute } from "react";
import { AdresseFields } from "@/components/ui/AdresseFields";
import { IdentiteFields } from "@/components/formulaire/IdentiteFields";
import { ChampsObligatoires, FieldMessages, Label, SelectField, TextField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import type { FormState } from "@/lib/forms";

export type Champ =
  | {
      kind: "texte";
      name: string;
      label: string;
      type?: HTMLInputTypeAttribute;
      required?: boolean;
      hint?: string;
      autoComplete?: string;
      maxLength?: number;
      inputMode?: "text" | "email" | "tel" | "numeric";
    }
  | { kind: "choix"; name: string; label: string; options: Record<string, string>; required?: boolean }
  | { kind: "motDePasse"; name: string; label: string; nouveau?: boolean; regle?: boolean }
  | { kind: "zoneTexte"; name: string; label: string; hint?: string; maxLength?: number }
  | { kind: "adresse" }
  /** the usager's identity (components/formulaire/IdentiteFields.tsx) */
  | { kind: "identite" };

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  bouton: string;
  champs: Champ[];
  valeurs?: Record<string, string>;
  /** "danger" for an action that cannot be undone */
  ton?: "principal" | "danger";
  /** what the page already knows and sends along unseen (the family a payment is for) */
  cachees?: Record<string, string>;
};

export function ActionForm({ action, bouton, champs, valeurs = {}, ton = "principal", cachees = {} }: Props) {
  // The server action itself, unwrapped: React then renders the form as a POST to it, so the form works before
  // hydration and without JavaScript, and a password never ends up in a URL (a form without one is a GET).
  // A refusal without a message for the whole form: its first field in error is brought into view and focused
  // (a message for the whole form does it itself: components/ui/Alert.tsx).
  const { state, formAction, pending, onSubmit, formRef, annonce, cle } = useFormulaireAction(action, {
    focus: "champ",
  });
  const valeur = (name: string) => (state.ok ? valeurs[name] : (state.values[name] ?? valeurs[name])) ?? "";
  const obligatoires = champs.some(
    (c) => c.kind === "adresse" || c.kind === "identite" || c.kind === "motDePasse" || ("required" in c && c.required),
  );
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      {obligatoires && <ChampsObligatoires />}
      {Object.entries(cachees).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* remounted after each success: the fields take the saved values again */}
      <div key={cle}>
        {champs.map((champ) => {
          switch (champ.kind) {
            case "texte":
              return (
                <TextField
                  key={champ.name}
                  name={champ.name}
                  label={champ.label}
                  type={champ.type ?? "text"}
                  required={champ.required}
                  hint={champ.hint}
                  autoComplete={champ.autoComplete}
                  maxLength={champ.maxLength}
                  inputMode={champ.inputMode}
                  defaultValue={valeur(champ.name)}
                  error={state.errors[champ.name]}
                />
              );
            case "choix":
              return (
                <SelectField
                  key={champ.name}
                  name={champ.name}
                  label={champ.label}
                  options={champ.options}
                  required={champ.required}
                  defaultValue={valeur(champ.name)}
                  error={state.errors[champ.name]}
                />
              );
            case "motDePasse":
              return (
                <PasswordField
                  key={champ.name}
                  name={champ.name}
                  label={champ.label}
                  error={state.errors[champ.name]}
                  showRule={Boolean(champ.regle)}
                  autoComplete={champ.nouveau ? "new-password" : "current-password"}
                />
              );
            case "zoneTexte":
              return (
                <div key={champ.name} className="mb-4">
                  <Label htmlFor={champ.name}>{champ.label}</Label>
                  <textarea
                    id={champ.name}
                    name={champ.name}
                    rows={4}
                    maxLength={champ.maxLength}
                    defaultValue={valeur(champ.name)}
                    aria-describedby={champ.hint ? `${champ.name}-aide` : undefined}
                    className="champ"
                  />
                  <FieldMessages name={champ.name} hint={champ.hint} error={state.errors[champ.name]} />
                </div>
              );
            case "identite":
              return (
                <IdentiteFields
                  key="identite"
                  values={state.ok ? valeurs : { ...valeurs, ...state.values }}
                  errors={state.errors}
                />
              );
            case "adresse":
              return (
                <AdresseFields
                  key="adresse"
                  values={state.ok ? valeurs : { ...valeurs, ...state.values }}
                  errors={state.errors}
                />
              );
          }
        })}
      </div>
      <button
        type="submit"
        className={ton === "danger" ? "bouton bg-red-800 text-white hover:bg-red-900" : "bouton-principal"}
        disabled={pending}
      >
        {bouton}
      </button>
    </form>
  );
}
