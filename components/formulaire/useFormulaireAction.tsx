"use client";
// The hook every form of the portal sends its server action with (lib/action.ts on the other side): the
// action's state, pending, a submit handler that keeps what was typed (React resets a form after its action,
// losing a refused entry, a select's choice included), and the answer to show at the top of the form. Each
// answer remounts that announcement, which then comes into view and takes the focus (Alert), even when it says
// the same as the one before; a form without an announcement (`focus: "champ"`) focuses its first field in
// error instead.
//
// The « salle d'attente » (issue 28): when the node's queue is full, the action's POST is answered 503 with the
// protocol of lib/web/salle-attente-protocole.ts, which Next's client throws as an Error. Once hydrated, the
// hook recognises it, shows where the parent stands in the form's status area (`attente`, also in `annonce`),
// counts down, and sends the same FormData again, the fields untouched; any other error is thrown as before.
// Before hydration the form is a plain POST (the server's HTML waiting room answers it).
import { useActionState, useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";
import { envoiSansReinitialisation } from "@/components/ui/envoi-sans-reinitialisation";
import { ResumeErreurs } from "@/components/formulaire/ResumeErreurs";
import { numeroReponse, premierChampEnErreur } from "@/components/formulaire/phrases";
import type { FormState } from "@/lib/forms";
import { salleAttenteDe, type SalleAttente } from "@/lib/web/salle-attente-protocole";

const sansAbonnement = () => () => {};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type EnAttente = SalleAttente & { restant: number };

/** The action, sent again after each waiting-room answer until it is admitted. */
function avecSalleAttente<S>(
  action: (previous: S, formData: FormData) => Promise<S>,
  montrer: (e: EnAttente | null) => void,
) {
  return async (previous: S, formData: FormData): Promise<S> => {
    for (;;) {
      try {
        const reponse = await action(previous, formData);
        montrer(null);
        return reponse;
      } catch (erreur) {
        const salle = salleAttenteDe(erreur);
        if (!salle) {
          montrer(null);
          throw erreur;
        }
        for (let restant = salle.reessai; restant > 0; restant--) {
          montrer({ ...salle, restant });
          await pause(1000);
        }
        montrer({ ...salle, restant: 0 });
      }
    }
  };
}

function AnnonceSalleAttente({ attente }: { attente: EnAttente }) {
  const { position, estimation, restant } = attente;
  return (
    <Alert
      kind="info"
      reponse
      title={`Le portail est très sollicité : votre demande est en file d'attente (position ${position}, environ ${estimation} s).`}
    >
      <p>{restant > 0 ? `Nouvel essai automatique dans ${restant} s.` : "Nouvel essai en cours…"}</p>
      <p>Ce que vous avez saisi est conservé.</p>
    </Alert>
  );
}

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
  // the server action itself until hydration (React renders the form as a POST to it), then wrapped
  const hydrate = useSyncExternalStore(
    sansAbonnement,
    () => true,
    () => false,
  );
  const [enAttente, setEnAttente] = useState<EnAttente | null>(null);
  const enFile = useCallback(
    (prev: S, formData: FormData) => avecSalleAttente(action, setEnAttente)(prev, formData),
    [action],
  );
  const [reponse, formAction, pending] = useActionState<S, FormData>(hydrate ? enFile : action, depart as Awaited<S>);
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

  const attente = enAttente ? <AnnonceSalleAttente key="salle-attente" attente={enAttente} /> : null;
  let annonce: ReactNode = null;
  if (attente) annonce = attente;
  else if (state.message)
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
    /** the waiting room while the action waits its turn (also in `annonce`): for a form that renders no annonce */
    attente,
    /** this answer's number: the key of an announcement the form renders itself, so each answer focuses it */
    numero,
    /** the form's key: a new one after each success empties it (or refills it with the page's new values) */
    cle: state.ok ? `ok-${numero}` : "saisie",
  };
}
