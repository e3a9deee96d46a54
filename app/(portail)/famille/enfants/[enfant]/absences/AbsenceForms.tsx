"use client";
// The absences page's forms: « Malade ce matin » (one button, the second tap after opening the page), JUSTIFIER
// UNE ABSENCE (dates, motif, an optional justificatif from a file or the phone's camera), and the justificatif
// sent later. A refused form keeps what was typed and says why beside the field.
import { useEffect, useState, type FormEvent } from "react";
import { Label, FieldMessages } from "@/components/ui/Field";
import { MotifField, PeriodeFields } from "@/components/formulaire/champs";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { refusTaille } from "@/components/ui/taille-fichier";
import { ACCEPT_PIECE } from "@/components/inscription/envoi";
import { PIECE_MAX_OCTETS } from "@/lib/storage/limites";
import type { FormState } from "@/lib/forms";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

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
  const {
    state,
    formAction,
    pending,
    onSubmit: envoyer,
    formRef,
    annonce,
  } = useFormulaireAction(action, {
    focus: "champ",
  });
  const [tropLourd, setTropLourd] = useState<string | null>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state, formRef]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const refus =
      refusTaille(event.currentTarget, "justificatif", PIECE_MAX_OCTETS) ??
      refusTaille(event.currentTarget, "photo", PIECE_MAX_OCTETS);
    setTropLourd(refus);
    if (refus) event.preventDefault();
    else envoyer(event);
  }
  return { state, formAction, pending, tropLourd, formRef, onSubmit, annonce };
}

export function MaladeCeMatinForm({ action, prenom }: { action: Action; prenom: string }) {
  const { state, formAction, pending, annonce } = useFormulaireAction(action);
  return (
    <form action={formAction} aria-busy={pending}>
      {annonce}
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
  const { state, formAction, pending, tropLourd, formRef, onSubmit, annonce } = useEnvoi(action);
  const v = state.ok ? {} : state.values;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <PeriodeFields valeurs={v} errors={state.errors} min={min} />
      <MotifField valeurs={v} errors={state.errors} motifs={motifs} />
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
  const { state, formAction, pending, tropLourd, formRef, onSubmit, annonce } = useEnvoi(action);
  if (!aJustifier && !state.message) return null;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="mt-2">
      {annonce}
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
