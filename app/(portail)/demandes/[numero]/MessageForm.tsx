"use client";
// Échanges: write to the agents, with one piece (PDF, JPEG, PNG or HEIC, 10 MB at most, checked on the server
// by its content). What was typed stays when the server refuses the piece.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { FieldMessages, Label, TextField } from "@/components/ui/Field";
import type { FormState } from "@/lib/forms";
import { envoyerMessageAction } from "./actions";

export function MessageForm({ numero }: { numero: number }) {
  const [state, action, pending] = useActionState(envoyerMessageAction.bind(null, numero), { values: {}, errors: {} } as FormState);
  const formRef = useRef<HTMLFormElement>(null);

  // A sent message clears the form; a refused one keeps the text (the file input cannot be refilled).
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  const error = state.errors.message;
  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} noValidate aria-busy={pending} className="rounded-md border border-stone-300 p-4">
      <h3 className="mb-3 font-bold uppercase">Écrire aux agents</h3>
      {state.ok && <Alert kind="succes" title="Votre message a été envoyé." />}
      {state.message && <Alert kind="erreur" title={state.message} />}
      <div className="mb-4">
        <Label htmlFor="message">Votre message</Label>
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
      <TextField name="piece" label="Pièce jointe" type="file" accept="application/pdf,image/jpeg,image/png,image/heic,.heic" error={state.errors.piece} hint="Facultative. PDF, JPEG, PNG ou HEIC, 10 Mo au maximum." />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Envoyer
      </button>
    </form>
  );
}
