"use client";
// One step of "Créer mon espace". The step's zod schema runs in the browser before sending (the same schema
// the server applies), errors appear beside their field, and what was typed stays in place.
import { startTransition, useState, type FormEvent, type KeyboardEvent } from "react";
import { CheckboxField, TextField } from "@/components/ui/Field";
import { IdentiteFields } from "@/components/formulaire/IdentiteFields";
import { ResumeErreurs } from "@/components/formulaire/ResumeErreurs";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { WizardButtons } from "@/components/wizard/WizardButtons";
import { IdentiteFranceConnect } from "@/components/franceconnect/IdentiteFranceConnect";
import { formValues, parseForm } from "@/lib/forms";
import {
  authentificationFranceConnectSchema,
  authentificationSchema,
  STEP_SCHEMAS,
  type EtapeSlug,
} from "@/lib/domain/usager/schemas";
import { refusTaille } from "@/components/ui/taille-fichier";
import { PHOTO_MAX_OCTETS } from "@/lib/storage/limites";
import { annuler, enregistrerEtape } from "../actions";
import { AdresseEtape, AuthentificationEtape, ContactEtape } from "./ChampsEtapes";

type Props = {
  etape: Exclude<EtapeSlug, "bienvenue">;
  initial: Record<string, string>;
  aPhoto?: boolean;
  /** a space begun with FranceConnect: Identité locked to it, no password asked */
  franceconnect?: boolean;
  children?: React.ReactNode;
};

export function EtapeForm({ etape, initial, aPhoto, franceconnect, children }: Props) {
  const {
    state,
    formAction: action,
    pending,
    formRef,
    attente,
  } = useFormulaireAction(enregistrerEtape.bind(null, etape), { valeurs: initial });
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const errors = clientErrors ?? state.errors;
  const v = state.values;

  // SUIVANT / PRÉCÉDENT are sent from here rather than by the form's own submission, which React follows with
  // a form reset that loses some typed values (a select's choice). ANNULER keeps its own formAction.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name !== "intent") return;
    event.preventDefault();
    // a photo over the limit is refused here, before anything is sent (PRÉCÉDENT would send it too)
    const photoTropLourde = etape === "identite" && refusTaille(event.currentTarget, "photo", PHOTO_MAX_OCTETS);
    if (photoTropLourde) {
      setClientErrors({ photo: photoTropLourde });
      return;
    }
    const formData = new FormData(event.currentTarget, submitter);
    if (submitter.value === "suivant") {
      const schema =
        etape !== "authentification"
          ? STEP_SCHEMAS[etape]
          : franceconnect
            ? authentificationFranceConnectSchema
            : authentificationSchema;
      const parsed = parseForm(schema, formValues(formData));
      if (!parsed.success) {
        setClientErrors(parsed.errors);
        const first = Object.keys(parsed.errors)[0];
        if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
        return;
      }
    }
    setClientErrors(null);
    startTransition(() => action(formData));
  }

  // Enter in a field means SUIVANT, not the first button of the form (ANNULER).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === "Enter" && target.tagName === "INPUT" && (target as HTMLInputElement).type !== "checkbox") {
      event.preventDefault();
      formRef.current?.requestSubmit(formRef.current.querySelector<HTMLButtonElement>("[data-default-submit]"));
    }
  }

  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-busy={pending}>
      {attente}
      <ResumeErreurs errors={errors} liens />
      {children}
      {etape === "cgu" && (
        <CheckboxField
          name="accepte"
          label="J'accepte les conditions générales d'utilisation."
          required
          defaultChecked={v.accepte === "on"}
          error={errors.accepte}
        />
      )}
      {etape === "identite" && franceconnect && <IdentiteFranceConnect values={v} errors={errors} />}
      {etape === "identite" && !franceconnect && (
        <fieldset>
          <legend className="sr-only">Identité</legend>
          <IdentiteFields values={v} errors={errors} />
          <TextField
            name="photo"
            label="Photo"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic"
            error={errors.photo}
            hint="Facultative. Image JPEG, PNG, WebP ou HEIC, 5 Mo au maximum."
          />
          {aPhoto && (
            <CheckboxField name="supprimerPhoto" label="Une photo est enregistrée. Cochez pour la supprimer." />
          )}
        </fieldset>
      )}
      {etape === "adresse" && <AdresseEtape v={v} errors={errors} />}
      {etape === "contact" && <ContactEtape v={v} errors={errors} franceconnect={franceconnect} />}
      {etape === "authentification" && (
        <AuthentificationEtape
          v={v}
          errors={errors}
          franceconnect={franceconnect}
          // a refused submission may have spent the anti-bot solution: a new key, a new widget
          cleAltcha={state.errors.altcha ?? state.errors._form ?? state.errors.identifiant ?? "premier"}
        />
      )}
      <WizardButtons annuler={annuler} dernier={etape === "authentification"} />
    </form>
  );
}
