"use client";
// « Service non assuré »: the activity and lieu, the day or range, the motif; and the undo of a declaration
// made today. A refused form keeps what was typed and says why beside the field.
import { useActionState, type FormEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { FieldMessages, Label, SelectField, TextField } from "@/components/ui/Field";
import { envoiSansReinitialisation } from "@/components/ui/envoi-sans-reinitialisation";
import type { FormState } from "@/lib/forms";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
const VIDE: FormState = { values: {}, errors: {} };

export function DeclarationForm({
  action,
  activites,
  motifs,
}: {
  action: Action;
  activites: { id: number; libelle: string; lieux: { id: number; nom: string }[] }[];
  motifs: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, VIDE);
  const envoyer = envoiSansReinitialisation(formAction);
  const v = state.ok ? {} : state.values;
  const erreurService = state.errors.service;
  return (
    <form action={formAction} onSubmit={(e: FormEvent<HTMLFormElement>) => envoyer(e)} noValidate aria-busy={pending}>
      {state.message && <Alert kind={state.ok ? "succes" : "erreur"} title={state.message} />}
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
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField name="debut" label="Du" type="date" required defaultValue={v.debut} error={state.errors.debut} />
        <TextField
          name="fin"
          label="Au"
          type="date"
          defaultValue={v.fin}
          error={state.errors.fin}
          hint="Laissez vide pour un seul jour."
        />
      </div>
      <SelectField
        name="motif"
        label="Motif"
        required
        options={motifs}
        defaultValue={v.motif ?? ""}
        error={state.errors.motif}
      />
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
  const [state, formAction, pending] = useActionState(action, VIDE);
  if (!annulable && !state.message) return null;
  return (
    <form action={formAction} aria-busy={pending}>
      {state.message && <Alert kind={state.ok ? "succes" : "erreur"} title={state.message} />}
      <input type="hidden" name="id" value={id} />
      {annulable && !state.ok && (
        <button type="submit" className="bouton-secondaire" disabled={pending}>
          Annuler cette déclaration<span className="sr-only"> : {libelle}</span>
        </button>
      )}
    </form>
  );
}
