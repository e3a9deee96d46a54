// Form handling shared by every page: what a server action sends back so the form shows each error beside
// its field and keeps everything the person typed.
import { z } from "zod";
import { AppError } from "@/lib/errors";

export type FormState = {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** a message for the whole form (shown above it), e.g. a refused login */
  message?: string;
  ok?: boolean;
};

/** The text fields of a submitted form (files and Next's internal $ACTION fields left out). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

/** A text field's declared maximum length (z.string().max(n), optional or not), or null. */
function longueurMax(champ: unknown): number | null {
  const texte = champ instanceof z.ZodOptional || champ instanceof z.ZodNullable ? champ.unwrap() : champ;
  return texte instanceof z.ZodString ? texte.maxLength : null;
}

/**
 * What the form is given back to show again: each field cut to its schema's maximum length (issue 30), so a
 * megabyte typed into a 254-character field is refused beside it without being echoed back whole.
 */
export function valeursRenvoyees(schema: z.ZodType, values: Record<string, string>): Record<string, string> {
  if (!(schema instanceof z.ZodObject)) return values;
  const forme = schema.shape as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(values).map(([nom, valeur]) => {
      const max = longueurMax(forme[nom]);
      return [nom, max !== null && valeur.length > max ? valeur.slice(0, max) : valeur];
    }),
  );
}

/** The first message for each field, keyed by the field's name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
): { success: true; data: z.infer<S> } | { success: false; errors: Record<string, string> } {
  const result = schema.safeParse(values);
  return result.success ? { success: true, data: result.data } : { success: false, errors: fieldErrors(result.error) };
}

/**
 * The FormState of a command's AppError (beside its field, or above the form), everything typed kept.
 * Anything else is not for the user's eyes and is thrown on.
 */
export function appErrorState(error: unknown, values: Record<string, string>): FormState {
  if (!(error instanceof AppError)) throw error;
  return error.field
    ? { values, errors: { [error.field]: error.message } }
    : { values, errors: {}, message: error.message };
}
