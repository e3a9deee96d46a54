"use client";
// The console's buttons on a window: « Attribuer les places » (once the close is past), « Vérifier le tirage »
// (once allocated), « Annuler la période » with its motif (while collecting, before the close). Each form stays
// once the page has changed under it, so its answer is still there, in view and focused.
import { TextField } from "@/components/ui/Field";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import type { FormState } from "@/lib/forms";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function BoutonFenetre({
  action,
  fenetreId,
  libelle,
  visible,
  principal = false,
}: {
  action: Action;
  fenetreId: number;
  libelle: string;
  visible: boolean;
  principal?: boolean;
}) {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction(action);
  if (!visible && !state.message) return null;
  return (
    <form ref={formRef} action={formAction} aria-busy={pending} className="mb-4">
      {annonce}
      <input type="hidden" name="fenetreId" value={fenetreId} />
      {visible && !state.ok && (
        <button type="submit" className={principal ? "bouton-principal" : "bouton-secondaire"} disabled={pending}>
          {libelle}
        </button>
      )}
    </form>
  );
}

export function AnnulerFenetreForm({
  action,
  fenetreId,
  visible,
}: {
  action: Action;
  fenetreId: number;
  visible: boolean;
}) {
  const { state, formAction, pending, formRef, annonce, onSubmit } = useFormulaireAction(action, { focus: "champ" });
  if (!visible && !state.message) return null;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="mb-4">
      {annonce}
      <input type="hidden" name="fenetreId" value={fenetreId} />
      {visible && !state.ok && (
        <>
          <TextField
            name="motif"
            label="Motif de l'annulation"
            required
            maxLength={500}
            defaultValue={state.values.motif}
            error={state.errors.motif}
            hint="Il figure dans le courriel envoyé à chaque famille qui a fait une demande."
          />
          <button type="submit" className="bouton-secondaire" disabled={pending}>
            Annuler la période
          </button>
        </>
      )}
    </form>
  );
}
