"use client";
// « Créer une période de réservation »: the label, the activity and its units with a capacity (a unit without
// one is listed, not offered), the days of service, when requests are collected (a Paris date and time each),
// the delay to accept a place offered, and the points of each published priority. A refused form keeps what
// was typed and says why beside each field.
import { CaseDeListe, ChampsObligatoires, FieldMessages, SelectField, TextField } from "@/components/ui/Field";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { champPoints, champUnite, CRITERES, DELAI_OFFRE_DEFAUT } from "@/lib/domain/fenetre/schemas";
import type { FormState } from "@/lib/forms";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
export type ActivitesFenetre = {
  id: number;
  libelle: string;
  unites: { id: number; libelle: string; capacite: number | null }[];
}[];

function Unites({ activites, v, erreur }: { activites: ActivitesFenetre; v: Record<string, string>; erreur?: string }) {
  return (
    <fieldset
      name="unites"
      tabIndex={-1}
      className="mb-4 outline-none"
      aria-describedby={erreur ? "unites-erreur" : "unites-aide"}
    >
      <legend className="mb-1 font-semibold">
        <span aria-hidden="true" className="mr-1 text-red-700">
          *
        </span>
        Unités concernées
      </legend>
      {activites.map((a) => (
        <fieldset key={a.id} className="mb-2">
          <legend className="text-sm font-semibold uppercase text-stone-700">{a.libelle}</legend>
          {a.unites.map((u) => {
            const nom = champUnite(u.id);
            return u.capacite === null ? (
              <p key={u.id} className="py-2.5 text-stone-700">
                {u.libelle} : sans capacité, les réservations restent au premier arrivé.
              </p>
            ) : (
              <CaseDeListe key={u.id} name={nom} defaultChecked={v[nom] === "on"}>
                {u.libelle} ({u.capacite} places par jour)
              </CaseDeListe>
            );
          })}
        </fieldset>
      ))}
      <FieldMessages
        name="unites"
        error={erreur}
        hint="Les unités de l'activité choisie, avec une capacité. Sans capacité, les réservations restent au premier arrivé."
      />
    </fieldset>
  );
}

export function FormulaireFenetre({ action, activites }: { action: Action; activites: ActivitesFenetre }) {
  const { state, formAction, pending, formRef, annonce, onSubmit } = useFormulaireAction(action, {
    focus: "champ",
  });
  const v = state.values;
  const e = state.errors;
  const options = Object.fromEntries(activites.map((a) => [String(a.id), a.libelle]));
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <ChampsObligatoires />
      <TextField
        name="libelle"
        label="Libellé"
        required
        maxLength={120}
        defaultValue={v.libelle}
        error={e.libelle}
        hint="Par exemple : Cantine, rentrée de septembre. Les familles le lisent dans leur calendrier."
      />
      <SelectField
        name="activiteId"
        label="Activité"
        required
        options={options}
        defaultValue={v.activiteId ?? ""}
        error={e.activiteId}
      />
      <Unites activites={activites} v={v} erreur={e.unites} />
      <fieldset className="mb-2">
        <legend className="mb-1 font-semibold">Jours de service concernés</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField name="debut" label="Du" type="date" required defaultValue={v.debut} error={e.debut} />
          <TextField name="fin" label="Au" type="date" required defaultValue={v.fin} error={e.fin} />
        </div>
      </fieldset>
      <fieldset className="mb-2">
        <legend className="mb-1 font-semibold">Demandes reçues (heure de Paris)</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            name="ouvertureJour"
            label="Ouverture le"
            type="date"
            required
            defaultValue={v.ouvertureJour}
            error={e.ouvertureJour}
          />
          <TextField
            name="ouvertureHeure"
            label="Heure d'ouverture"
            type="time"
            required
            defaultValue={v.ouvertureHeure}
            error={e.ouvertureHeure}
          />
          <TextField
            name="fermetureJour"
            label="Clôture le"
            type="date"
            required
            defaultValue={v.fermetureJour}
            error={e.fermetureJour}
            hint="Avant le premier jour de service concerné. Les places sont attribuées à la clôture."
          />
          <TextField
            name="fermetureHeure"
            label="Heure de clôture"
            type="time"
            required
            defaultValue={v.fermetureHeure}
            error={e.fermetureHeure}
          />
        </div>
      </fieldset>
      <TextField
        name="delaiOffreHeures"
        label="Délai pour accepter une place proposée (heures)"
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        defaultValue={v.delaiOffreHeures ?? String(DELAI_OFFRE_DEFAUT)}
        error={e.delaiOffreHeures}
        hint="Passé ce délai, la place passe à la demande suivante de la liste d'attente (de 1 à 240 heures)."
      />
      <fieldset className="mb-4">
        <legend className="mb-1 font-semibold">Priorités publiées</legend>
        <p id="priorites-aide" className="mb-2 text-sm text-stone-700">
          Les points de chaque priorité (de 0 à 100 ; 0 : priorité non utilisée). À points égaux, le tirage au sort
          départage.
        </p>
        {CRITERES.map((c) => (
          <TextField
            key={c.critere}
            name={champPoints(c.critere)}
            label={`${c.libelle} : ${c.explication}`}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            defaultValue={v[champPoints(c.critere)] ?? "0"}
            error={e[champPoints(c.critere)]}
          />
        ))}
      </fieldset>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Créer la période
      </button>
    </form>
  );
}
