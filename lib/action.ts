// The one way a server action is written. Every export of a "use server" file is a public endpoint, so each goes
// through here: who may call it (checked on the server, before anything is read), the form parsed by its zod
// schema (each message beside its field, everything typed sent back), one domain command, and its outcome turned
// into the form's state. An AppError's French message is shown beside its field or above the form; any other
// error gets the generic message and one log line naming the action, never the form's data.
//
//   export const changerTelephones = actionUsager(telephonesSchema, async ({ usager, data }) => {
//     await modifierTelephones({ usagerId: usager.id, telephones: data });
//     return { message: "Vos numéros de téléphone sont enregistrés." };
//   });
//
// The returned function takes (previousState, formData) for useActionState, or formData alone for a plain
// <form action>. Next's redirect(), notFound() and forbidden() thrown by the command or the checks pass through.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireAgent, requireAgentSession, requireUsager } from "@/lib/auth/current";
import { pageEnvoyeuse } from "@/lib/auth/login-form";
import { AppError, GENERIC_ERROR } from "@/lib/errors";
import { appErrorState, formValues, parseForm, valeursRenvoyees, type FormState } from "@/lib/forms";
import type { Agent, RoleAgent, Session, Usager } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

/** What a command's handler returns: nothing (a plain success), or what the form should say and keep. */
export type Issue = void | {
  message?: string;
  /** the values the form shows next (default: none, the page's own values) */
  values?: Record<string, string>;
  /** false for a refusal the handler words itself (the values typed are kept unless `values` says otherwise) */
  ok?: boolean;
  errors?: Record<string, string>;
  /** what else the form shows once, beside its state (an agent's new recovery codes) */
  extra?: Record<string, unknown>;
};

/** `values`: the text fields as typed, passwords left out (they are in `data` and `formData`). */
type Entree<S extends z.ZodType> = { data: z.infer<S>; values: Record<string, string>; formData: FormData };

// Two signatures: a plain <form action> (its answer is not read), and useActionState, which infers its state from
// the last one.
export type Action = {
  (formData: FormData): Promise<void>;
  (previous: FormState, formData: FormData): Promise<FormState>;
};

// A password is never sent back to the page, whatever the outcome: its field starts empty again.
const sansMotsDePasse = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([nom]) => !/^motDePasse/.test(nom)));

function envelopper<S extends z.ZodType, A>(
  nom: string,
  autoriser: (formData: FormData) => Promise<A>,
  schema: S,
  handler: (entree: A & Entree<S>) => Promise<Issue>,
): Action {
  return (async (...args: [FormState, FormData] | [FormData]) => {
    const formData = args.length === 2 ? args[1] : args[0];
    const appelant = await autoriser(formData);
    const saisie = formValues(formData);
    const values = valeursRenvoyees(schema, sansMotsDePasse(saisie));
    const parsed = parseForm(schema, saisie);
    if (!parsed.success) {
      return { values, errors: parsed.errors, message: parsed.errors._form };
    }
    try {
      const issue = await handler({ ...appelant, data: parsed.data, values, formData });
      if (issue && issue.ok === false) {
        return {
          ...issue.extra,
          values: issue.values ?? values,
          errors: issue.errors ?? {},
          message: issue.message,
          ok: false,
        };
      }
      return {
        ...issue?.extra,
        values: issue?.values ?? {},
        errors: issue?.errors ?? {},
        message: issue?.message,
        ok: true,
      };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return appErrorState(error, values);
      log.error(
        { evenement: "action.echec", action: nom, erreur: error instanceof Error ? error.name : typeof error },
        "action échouée",
      );
      return { values, errors: {}, message: GENERIC_ERROR };
    }
  }) as Action;
}

/** An action anyone may call (login, Créer mon espace, mot de passe oublié): the handler throttles what it must. */
export function actionPublique<S extends z.ZodType>(
  nom: string,
  schema: S,
  handler: (entree: Entree<S>) => Promise<Issue>,
): Action {
  return envelopper(nom, async () => ({}), schema, handler);
}

/**
 * A citizen's action: an agent gets 404, nobody at all the login page, back to `suite` afterwards: by default the
 * page the form was posted from (lib/auth/login-form.ts, pageEnvoyeuse), so an expired session costs no more than
 * a login (what the page keeps in the browser, a draft, is there again).
 */
export function actionUsager<S extends z.ZodType>(
  nom: string,
  schema: S,
  handler: (entree: { usager: Usager; session: Session } & Entree<S>) => Promise<Issue>,
  /** suite: where the login page sends back to (a function of the form when the page's address is in it) */
  options: { suite?: string | ((formData: FormData) => string) } = {},
): Action {
  const { suite } = options;
  return envelopper(
    nom,
    async (formData) =>
      requireUsager((typeof suite === "function" ? suite(formData) : suite) ?? (await pageEnvoyeuse())),
    schema,
    handler,
  );
}

/**
 * A console action: a citizen gets 404; with role ADMIN, an agent gets 403. `enrolement`: also for a session still
 * waiting for its second factor (the TOTP enrolment of an agent who has none yet; the handler checks the rest).
 */
export function actionAgent<S extends z.ZodType>(
  nom: string,
  schema: S,
  handler: (entree: { agent: Agent; session: Session } & Entree<S>) => Promise<Issue>,
  options: { role?: RoleAgent; enrolement?: boolean } = {},
): Action {
  return envelopper(
    nom,
    () => (options.enrolement ? requireAgentSession() : requireAgent(options.role)),
    schema,
    handler,
  );
}

/**
 * The same wrappers for an action its page binds to an id (`action.bind(null, enfantId)`): the handler receives
 * it as `lie`, never trusted more than a form field (the command scopes its query by the caller). `E`: the fields
 * the form's state carries besides FormState (sent through the handler's `extra`).
 */
type ActionLiee<E> = (
  lie: string,
  previous: FormState & Partial<E>,
  formData: FormData,
) => Promise<FormState & Partial<E>>;

function lier<E, A>(
  envelopperAvec: (autoriser: () => Promise<A>) => Action,
  autoriser: (lie: string) => Promise<A>,
): ActionLiee<E> {
  return (lie, previous, formData) =>
    envelopperAvec(() => autoriser(lie))(previous, formData) as Promise<FormState & Partial<E>>;
}

export function actionPubliqueLiee<S extends z.ZodType, E = object>(
  nom: string,
  schema: S,
  handler: (entree: { lie: string } & Entree<S>) => Promise<Issue>,
): ActionLiee<E> {
  return lier<E, { lie: string }>(
    (autoriser) => envelopper(nom, autoriser, schema, handler),
    async (lie) => ({ lie }),
  );
}

export function actionUsagerLiee<S extends z.ZodType, E = object>(
  nom: string,
  schema: S,
  handler: (entree: { usager: Usager; session: Session; lie: string } & Entree<S>) => Promise<Issue>,
  options: { suite?: (lie: string) => string } = {},
): ActionLiee<E> {
  return lier<E, { usager: Usager; session: Session; lie: string }>(
    (autoriser) => envelopper(nom, autoriser, schema, handler),
    async (lie) => ({ ...(await requireUsager(options.suite?.(lie) ?? (await pageEnvoyeuse()))), lie }),
  );
}

/**
 * The schema of a form whose fields a draft keeps as typed (a wizard's step): nothing is refused before the
 * command, which checks what it needs; the handler reads `values`.
 */
export const saisieLibre = z.object({});
export type SaisieLibre = typeof saisieLibre;
