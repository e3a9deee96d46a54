// The words and choices of every form's error summary, pure so they are tested without a browser: the
// sentence « N champs sont à corriger. » is written here and nowhere else.

/** The key a whole-form message takes in FormState.errors (lib/forms.ts fieldErrors): not a field. */
export const ERREUR_FORMULAIRE = "_form";

/** The fields in error, the whole-form message left out. */
export const champsEnErreur = (errors: Record<string, string>): string[] =>
  Object.keys(errors).filter((nom) => nom !== ERREUR_FORMULAIRE);

/** The summary's title: « Un champ est à corriger. », « 3 champs sont à corriger. », or null with none. */
export function phraseErreurs(nombre: number): string | null {
  if (nombre <= 0) return null;
  return nombre === 1 ? "Un champ est à corriger." : `${nombre} champs sont à corriger.`;
}

/**
 * The field to take the focus after a refusal: the first in the form's order that has an error (the person
 * reads top to bottom), else the first error the server named (a field the form does not show).
 */
export function premierChampEnErreur(errors: Record<string, string>, ordre: readonly string[]): string | undefined {
  const noms = champsEnErreur(errors);
  return ordre.find((nom) => noms.includes(nom)) ?? noms[0];
}

// Each answer of a server action is a new state object: its number tells a new answer from a render of the
// same one (to remount the announcement, which then takes the focus again, or to empty a form after a success).
const numeros = new WeakMap<object, number>();
let dernierNumero = 0;
export function numeroReponse(state: object): number {
  if (!numeros.has(state)) numeros.set(state, ++dernierNumero);
  return numeros.get(state)!;
}
