"use client";
// The hook every form of the portal sends its server action with (lib/action.ts on the other side): the
// action's state, pending, a submit handler that keeps what was typed (React resets a form after its action,
// losing a refused entry, a select's choice included), and the answer to show at the top of the form. Each
// answer remounts that announcement, which then comes into view and takes the focus (Alert), even when it says
// the same as the one before; a form without an announcement (`focus: "champ"`) focuses its first field in
// error instead.
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { envoiSansReinitialisation } from "@/components/ui/envoi-sans-reinitialisation";
import { ResumeErreurs } from "@/components/formulaire/ResumeErreurs";
import { numeroReponse, premierChampEnErreur } from "@/components/formulaire/phrases";
import type { FormState } from "@/lib/forms";

type Options<S> = {
  /** the values the fields start from (the page's), kept in the state so a refusal sends them back */
  valeurs?: Record<string, string>;
  /** the whole initial state, for an action whose state carries more than FormState */
  initial?: S;
  /** "annonce" (default): the answer at the top takes the focus; "champ": the first field in error does */
  focus?: "annonce" | "champ";
};

export function useFormulaireAction<S extends FormState>(
  action: (previous: S, formData: FormData) => Promise<S>,
  { valeurs = {}, initial, focus = "annonce" }: Options<S> = {},
) {
  const depart = initial ?? ({ values: valeurs, errors: {} } as FormState as S);
  const [reponse, formAction, pending] = useActionState<S, FormData>(action, depart as Awaited<S>);
  // an action's state is never a promise: Awaited<S> is S
  const state = reponse as S;
  const formRef = useRef<HTMLFormElement>(null);
  const numero = numeroReponse(state);

  useEffect(() => {
    const form = formRef.current;
    if (focus !== "champ" || !form || state.message) return;
    const ordre = Array.from(form.elements, (element) => (element as HTMLInputElement).name ?? "");
    const nom = premierChampEnErreur(state.errors, ordre);
    const champ = nom ? form.querySelector<HTMLElement>(`[name="${CSS.escape(nom)}"]:not([type="hidden"])`) : null;
    champ?.scrollIntoView({ block: "center" });
    champ?.focus({ preventScroll: true });
  }, [state, focus]);

  let annonce: ReactNode = null;
  if (state.message)
    annonce = <Alert key={`annonce-${numero}`} kind={state.ok ? "succes" : "erreur"} title={state.message} />;
  else if (focus === "annonce") annonce = <ResumeErreurs key={`annonce-${numero}`} errors={state.errors} />;

  return {
    state,
    pending,
    /** the form's action too: a POST before hydration, never a GET that would put the fields in the URL */
    formAction,
    onSubmit: envoiSansReinitialisation(formAction),
    formRef,
    annonce,
    /** this answer's number: the key of an announcement the form renders itself, so each answer focuses it */
    numero,
    /** the form's key: a new one after each success empties it (or refills it with the page's new values) */
    cle: state.ok ? `ok-${numero}` : "saisie",
  };
}
