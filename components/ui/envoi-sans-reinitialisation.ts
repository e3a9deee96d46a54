"use client";
// A form's submit handler that sends its data (with the pressed button's name and value) to a useActionState
// action without the reset React does after a form action: a refused submission keeps what was typed,
// selects and radios included.
import { startTransition, type FormEvent } from "react";

export function envoiSansReinitialisation(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => action(formData));
  };
}
