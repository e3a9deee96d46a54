"use client";
// The absences page's forms: « Malade ce matin » (one button, the second tap after opening the page), JUSTIFIER
// UNE ABSENCE (dates, motif, an optional justificatif from a file or the phone's camera), and the justificatif
// sent later. A refused form keeps what was typed and says why beside the field.
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Label, SelectField, TextField, FieldMessages } from "@/components/ui/Field";
import { envoiSansReinitialisation } from "@/components/ui/envoi-sans-reinitialisation";
import { refusTaille } from "@/components/ui/taille-fichier";
import { ACCEPT_PIECE } from "@/components/inscription/envoi";
import { PIECE_MAX_OCTETS } from "@/lib/storage/limites";
import type { FormState } from "@/lib/forms";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
const VIDE: FormState = { values: {}, errors: {} };

function Annonce({ state }: { state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  return (
    <div ref={ref} tabIndex={-1}>
      <Alert kind={state.ok ? "succes" : "erreur"} title={state.message} />
    </div>
  );
}

/** A file chosen or a photo taken: the same rules as the pièces jointes (checked again by their bytes). */
function Justificatif({ id, error }: { id: string; error?: string | null }) {
  return (
    <fieldset className="mb-4">
      <legend className="mb-1 font-semibold">Justificatif (facultatif)</legend>
      <p id={`${id}-aide`} className="mb-2 text-sm text-stone-700">
        Certificat médical ou autre pièce : PDF, JPEG, PNG ou HEIC, 10 Mo au maximum. Vous pouvez aussi l&apos;envoyer
        plus tard.
      </p>
      <div className="flex flex-col gap-3">
        <label className="flex flex-col gap-1" htmlFor={`${id}-fichier`}>
          Choisir un fichier
          <input
            id={`${id}-fichier`}
            type="file"
            name="justificatif"
            accept={ACCEPT_PIECE}
            className="champ"
            aria-describedby={`${id}-aide${error ? ` justificatif-erreur` : ""}`}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="flex flex-col gap-1" htmlFor={`${id}-photo`}>
          Ou prendre une photo
          <input
            id={`${id}-photo`}
            type="file"
            name="photo"
            accept="image/*"
            capture="environment"
            className="champ"
            aria-describedby={`${id}-aide`}
          />
        </label>
      </div>
      <FieldMessages name="justificatif" error={error ?? undefined} />
    </fieldset>
  );
}

function useEnvoi(action: Action) {
  const [state, formAction, pending] = useActionState(action, VIDE);
  const [tropLourd, setTropLourd] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  const envoyer = envoiSansReinitialisation(formAction);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const refus =
      refusTaille(event.currentTarget, "justificatif", PIECE_MAX_OCTETS) ??
      refusTaille(event.currentTarget, "photo", PIECE_MAX_OCTETS);
    setTropLourd(refus);
    if (refus) event.preventDefault();
    else envoyer(event);
  }
  return { state, formAction, pending, tropLourd, formRef, onSubmit };
}

export function MaladeCeMatinForm({ action, prenom }: { action: Action; prenom: string }) {
  const [state, formAction, pending] = useActionState(action, VIDE);
  return (
    <form action={formAction} aria-busy={pending}>
      <Annonce state={state} />
      {!state.ok && (
        <button type="submit" className="bouton-principal" disabled={pending}>
          Malade ce matin : annuler le repas et la garderie d&apos;aujourd&apos;hui
          <span className="sr-only"> pour {prenom}</span>
        </button>
      )}
    </form>
  );
}

export function JustifierAbsenceForm({
  action,
  motifs,
  min,
}: {
  action: Action;
  motifs: Record<string, string>;
  min: string;
}) {
  const { state, formAction, pending, tropLourd, formRef, onSubmit } = useEnvoi(action);
  const v = state.ok ? {} : state.values;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      <Annonce state={state} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="debut"
          label="Du"
          type="date"
          required
          min={min}
          defaultValue={v.debut}
          error={state.errors.debut}
        />
        <TextField
          name="fin"
          label="Au"
          type="date"
          min={min}
          defaultValue={v.fin}
          error={state.errors.fin}
          hint="Laissez vide pour un seul jour."
        />
      </div>
      <SelectField
        name="motif"
        label="Motif"
        required
        options={motifs}
        defaultValue={v.motif ?? ""}
        error={state.errors.motif}
      />
      <div className="mb-4">
        <Label htmlFor="precision">Précision (facultative)</Label>
        <textarea
          id="precision"
          name="precision"
          rows={2}
          maxLength={500}
          defaultValue={v.precision}
          className="champ"
          aria-invalid={state.errors.precision ? true : undefined}
          aria-describedby={state.errors.precision ? "precision-erreur" : undefined}
        />
        <FieldMessages name="precision" error={state.errors.precision} />
      </div>
      <Justificatif id="absence" error={tropLourd ?? state.errors.justificatif} />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Envoyer la demande d&apos;absence
      </button>
    </form>
  );
}

/** Stays on the page once the justificatif is received, so its message is still read after the list refreshes. */
export function JustificatifForm({
  action,
  numero,
  aJustifier,
}: {
  action: Action;
  numero: number;
  aJustifier: boolean;
}) {
  const { state, formAction, pending, tropLourd, formRef, onSubmit } = useEnvoi(action);
  if (!aJustifier && !state.message) return null;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="mt-2">
      <Annonce state={state} />
      {aJustifier && !state.ok && (
        <>
          <input type="hidden" name="numero" value={numero} />
          <Justificatif id={`justificatif-${numero}`} error={tropLourd ?? state.errors.justificatif} />
          <button type="submit" className="bouton-secondaire" disabled={pending}>
            Envoyer le justificatif<span className="sr-only"> de la demande N° {numero}</span>
          </button>
        </>
      )}
    </form>
  );
}
