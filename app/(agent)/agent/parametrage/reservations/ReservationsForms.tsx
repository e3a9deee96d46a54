"use client";
// The Paramétrage des réservations' forms (components/formulaire): each keeps what was typed when the server
// refuses it and says why beside the field; the délais form shows the rule in words as it is typed
// (DelaiFields.tsx).
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { FieldMessages, Label, SelectField, TextField } from "@/components/ui/Field";
import type { Action } from "@/lib/action";
import type { Delai } from "@/lib/domain/calendrier/delais";
import type { Jour } from "@/lib/temps/jours-calcul";
import { ZONES_SCOLAIRES } from "@/lib/domain/calendrier/zones";
import { DelaiFields, saisieDe, type Saisie } from "./DelaiFields";

const Cachees = ({ valeurs }: { valeurs: Record<string, string> }) =>
  Object.entries(valeurs).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

export function AnneeForm({
  action,
  annee,
}: {
  action: Action;
  annee: { id: number; ouvertureReservations: Jour; lectureSeuleLe: Jour | null };
}) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(action);
  const v = (nom: string, defaut: string) => state.values[nom] ?? defaut;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <Cachees valeurs={{ anneeId: String(annee.id) }} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="ouvertureReservations"
          label="Ouverture des réservations"
          type="date"
          required
          defaultValue={v("ouvertureReservations", annee.ouvertureReservations)}
          error={state.errors.ouvertureReservations}
          hint="Les familles réservent à partir de ce jour, dès 00:00."
        />
        <TextField
          name="lectureSeuleLe"
          label="Lecture seule à partir du (facultatif)"
          type="date"
          defaultValue={v("lectureSeuleLe", annee.lectureSeuleLe ?? "")}
          error={state.errors.lectureSeuleLe}
          hint="À partir de ce jour, les familles voient leurs réservations sans pouvoir les modifier."
        />
      </div>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer les dates
      </button>
    </form>
  );
}

export function ZoneForm({ action, zone }: { action: Action; zone: string }) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="mb-6">
      {annonce}
      <SelectField
        name="zoneScolaire"
        label="Zone de vacances scolaires de la commune"
        required
        options={Object.fromEntries(ZONES_SCOLAIRES.map((z) => [z, z]))}
        defaultValue={state.values.zoneScolaire ?? zone}
        error={state.errors.zoneScolaire}
        hint="Ses vacances sont retirées des jours d'ouverture générés. Changer de zone ne modifie pas les jours déjà enregistrés : régénérez ensuite ceux de chaque activité, avec l'aperçu."
      />
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Enregistrer la zone
      </button>
    </form>
  );
}

export function ImportForm({ action, zone }: { action: Action; zone: string }) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <TextField
        name="fichier"
        label="Fichier du calendrier scolaire"
        type="file"
        accept=".json,.csv,application/json,text/csv"
        error={state.errors.fichier}
        hint={`L'export JSON ou CSV du jeu de données « Calendrier scolaire » (fr-en-calendrier-scolaire) de data.education.gouv.fr ; les vacances de toutes ses zones sont gardées, celles de la ${zone} s'appliquent à la commune.`}
      />
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Importer le calendrier
      </button>
    </form>
  );
}

type ActiviteRegles = {
  id: number;
  libelle: string;
  validation: "AUTOMATIQUE" | "AGENT";
  unites: { id: number; libelle: string; capacite: number | null }[];
};

export function ReglesForm({ action, activite }: { action: Action; activite: ActiviteRegles }) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(action);
  const validation = state.values.validation ?? activite.validation;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <Cachees valeurs={{ activiteId: String(activite.id) }} />
      <fieldset className="mb-4">
        <legend className="mb-1 font-semibold">Validation des réservations</legend>
        {(
          [
            ["AUTOMATIQUE", "Automatique : le jour est réservé dès l'enregistrement de la famille"],
            ["AGENT", "Par un agent : chaque demande attend sa validation dans la console"],
          ] as const
        ).map(([valeur, texte]) => (
          <div key={valeur} className="flex items-start gap-3">
            <input
              type="radio"
              id={`validation-${valeur}`}
              name="validation"
              value={valeur}
              defaultChecked={validation === valeur}
              className="mt-3 size-5 shrink-0 accent-marque"
            />
            <label htmlFor={`validation-${valeur}`} className="min-h-11 py-2.5">
              {texte}
            </label>
          </div>
        ))}
        <FieldMessages name="validation" error={state.errors.validation} />
      </fieldset>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {activite.unites.map((u) => (
          <TextField
            key={u.id}
            name={`capacite-${u.id}`}
            label={`Capacité par jour : ${u.libelle}`}
            inputMode="numeric"
            defaultValue={state.values[`capacite-${u.id}`] ?? (u.capacite === null ? "" : String(u.capacite))}
            error={state.errors[`capacite-${u.id}`]}
            hint="Nombre de places par jour et par lieu ; vide : sans limite. Au-delà, les demandes vont en liste d'attente."
          />
        ))}
      </div>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer la validation et les capacités
      </button>
    </form>
  );
}

export function DelaisForm({
  action,
  activite,
  exemple,
}: {
  action: Action;
  activite: { id: number; reservation: Delai | null; annulation: Delai | null };
  exemple: Jour;
}) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(action);
  const depuis = (partie: "reservation" | "annulation", d: Delai | null): Saisie =>
    state.values[`${partie}-type`]
      ? {
          type: state.values[`${partie}-type`] ?? "J_MOINS",
          n: state.values[`${partie}-n`] ?? "1",
          ouvres: state.values[`${partie}-ouvres`] === "on",
          jour: state.values[`${partie}-jour`] ?? "4",
          heure: state.values[`${partie}-heure`] ?? "12:00",
        }
      : saisieDe(d);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <Cachees valeurs={{ activiteId: String(activite.id) }} />
      <div className="grid gap-x-4 lg:grid-cols-2">
        <DelaiFields
          partie="reservation"
          titre="Réserver"
          initial={depuis("reservation", activite.reservation)}
          errors={state.errors}
          exemple={exemple}
        />
        <DelaiFields
          partie="annulation"
          titre="Annuler"
          initial={depuis("annulation", activite.annulation)}
          errors={state.errors}
          exemple={exemple}
        />
      </div>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer les délais
      </button>
    </form>
  );
}

export function JourForm({
  action,
  activite,
}: {
  action: Action;
  activite: { id: number; unites: { id: number; libelle: string }[]; lieux: { id: number; nom: string }[] };
}) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(action);
  const choix = (name: string, label: string, tous: string, options: [number, string][]) => (
    <div className="mb-4">
      <Label htmlFor={name}>{label}</Label>
      <select id={name} name={name} className="champ" defaultValue={state.values[name] ?? ""}>
        <option value="">{tous}</option>
        {options.map(([id, texte]) => (
          <option key={id} value={id}>
            {texte}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <Cachees valeurs={{ activiteId: String(activite.id) }} />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <TextField
          name="jour"
          label="Jour"
          type="date"
          required
          defaultValue={state.values.jour}
          error={state.errors.jour}
        />
        {choix(
          "uniteId",
          "Unité",
          "Toutes les unités",
          activite.unites.map((u) => [u.id, u.libelle]),
        )}
        {choix(
          "lieuId",
          "Lieu",
          "Tous les lieux",
          activite.lieux.map((l) => [l.id, l.nom]),
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="operation" value="ajouter" className="bouton-principal" disabled={pending}>
          Ouvrir ce jour
        </button>
        <button type="submit" name="operation" value="retirer" className="bouton-secondaire" disabled={pending}>
          Retirer ce jour
        </button>
      </div>
    </form>
  );
}
