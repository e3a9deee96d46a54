"use client";
// Échanges: write on a demande, with one piece (PDF, JPEG, PNG or HEIC, 10 MB at most, checked on the server
// by its content). The parent writes to the agents; an agent answers the parent or, with "Note interne",
// writes for the other agents only. What was typed stays when the server refuses the piece.
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { CheckboxField, FieldMessages, Label, TextField } from "@/components/ui/Field";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { refusTaille } from "@/components/ui/taille-fichier";
import { PIECE_MAX_OCTETS } from "@/lib/storage/limites";
import type { FormState } from "@/lib/forms";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  titre: string;
  /** the agents' "internal note" option */
  noteInterne?: boolean;
  /** the demande's number, sent with the message (the action checks the writer may reach it) */
  numero: number;
};

export function MessageForm({ action: envoyer, titre, noteInterne = false, numero }: Props) {
  const {
    state,
    formAction: action,
    pending,
    onSubmit: envoyerSansReinitialiser,
    formRef,
    attente,
  } = useFormulaireAction(envoyer, { focus: "champ" });
  const [pieceTropLourde, setPieceTropLourde] = useState<string | null>(null);

  // A sent message clears the form; a refused one keeps the text (the file input cannot be refilled).
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state, formRef]);

  const error = state.errors.message;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const refus = refusTaille(event.currentTarget, "piece", PIECE_MAX_OCTETS);
    setPieceTropLourde(refus);
    if (refus) event.preventDefault();
    else envoyerSansReinitialiser(event);
  }
  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={onSubmit}
      noValidate
      aria-busy={pending}
      className="rounded-md border border-stone-300 p-4"
    >
      {attente}
      <h3 className="mb-3 font-bold uppercase">{titre}</h3>
      <input type="hidden" name="numero" value={numero} />
      {state.ok && <Alert kind="succes" title={state.message ?? "Votre message a été envoyé."} />}
      {!state.ok && state.message && <Alert kind="erreur" title={state.message} />}
      <div className="mb-4">
        <Label htmlFor="message">{noteInterne ? "Message" : "Votre message"}</Label>
        <textarea
          id="message"
          name="message"
          rows={4}
          maxLength={4000}
          defaultValue={state.values.message}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "message-erreur" : undefined}
          className="champ"
        />
        <FieldMessages name="message" error={error} />
      </div>
      <TextField
        name="piece"
        label="Pièce jointe"
        type="file"
        accept="application/pdf,image/jpeg,image/png,image/heic,.heic"
        error={pieceTropLourde ?? state.errors.piece}
        hint="Facultative. PDF, JPEG, PNG ou HEIC, 10 Mo au maximum."
      />
      {noteInterne && (
        <CheckboxField
          name="interne"
          label="Note interne (jamais montrée au demandeur)"
          defaultChecked={state.values.interne === "on"}
        />
      )}
      <button type="submit" className="bouton-principal" disabled={pending}>
        Envoyer
      </button>
    </form>
  );
}
