"use client";
// « Service non assuré »: the activity and lieu, the day or range, the motif; and the undo of a declaration
// made today. A refused form keeps what was typed and says why beside the field.
import { FieldMessages, Label } from "@/components/ui/Field";
import { MotifField, PeriodeFields } from "@/components/formulaire/champs";
import type { FormState } from "@/lib/forms";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function DeclarationForm({
  action,
  activites,
  motifs,
}: {
  action: Action;
  activites: { id: number; libelle: string; lieux: { id: number; nom: string }[] }[];
  motifs: Record<string, string>;
}) {
  const { state, formAction, pending, formRef, annonce, onSubmit } = useFormulaireAction(action, { focus: "champ" });
  const v = state.ok ? {} : state.values;
  const erreurService = state.errors.service;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <div className="mb-4">
        <Label htmlFor="service" required>
          Activité et lieu
        </Label>
        <select
          id="service"
          name="service"
          className="champ"
          defaultValue={v.service ?? ""}
          aria-invalid={erreurService ? true : undefined}
          aria-describedby={erreurService ? "service-erreur" : undefined}
        >
          <option value="">Choisir…</option>
          {activites.map((a) => (
            <optgroup key={a.id} label={a.libelle}>
              {a.lieux.map((l) => (
                <option key={l.id} value={`${a.id}:${l.id}`}>
                  {l.nom}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldMessages name="service" error={erreurService} />
      </div>
      <PeriodeFields valeurs={v} errors={state.errors} />
      <MotifField valeurs={v} errors={state.errors} motifs={motifs} />
      <p className="mb-3 text-sm">
        Chaque réservation de ces jours devient « non facturée » et chaque famille concernée reçoit un courriel.
      </p>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Déclarer le service non assuré
      </button>
    </form>
  );
}

/** Stays on the page once the declaration is undone, so its message is still read after the list refreshes. */
export function AnnulerForm({
  action,
  id,
  libelle,
  annulable,
}: {
  action: Action;
  id: string;
  libelle: string;
  annulable: boolean;
}) {
  const { state, formAction, pending, formRef, annonce } = useFormulaireAction(action, { focus: "champ" });
  if (!annulable && !state.message) return null;
  return (
    <form ref={formRef} action={formAction} aria-busy={pending}>
      {annonce}
      <input type="hidden" name="id" value={id} />
      {annulable && !state.ok && (
        <button type="submit" className="bouton-secondaire" disabled={pending}>
          Annuler cette déclaration<span className="sr-only"> : {libelle}</span>
        </button>
      )}
    </form>
  );
}
