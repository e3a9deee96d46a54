"use client";
// MA DEMANDE of the dossier santé, as the seed shows it: MÉDECIN TRAITANT (Rechercher un médecin in the
// commune's directory, or typed), HABITUDES ALIMENTAIRES, ALLERGIES, COMMENTAIRE and the PAI request, then the
// vaccinations, treatments and signed PAI (SuiviSanteFields). Every button posts the whole form and the server
// sends back what was typed, so nothing is ever lost; a PAI file over the limit is refused before it leaves.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { ResumeErreurs } from "@/components/formulaire/ResumeErreurs";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { CheckboxField, FieldMessages, Label, TextField } from "@/components/ui/Field";
import { refusTaille } from "@/components/ui/taille-fichier";
import { PIECE_MAX_OCTETS } from "@/lib/storage/limites";
import {
  ALLERGENES,
  champAllergie,
  champHabitude,
  HABITUDES,
  type Allergene,
  type Habitude,
} from "@/lib/domain/sante/schemas";
import type { SanteState } from "../actions";
import { SuiviSanteFields } from "./SuiviSanteFields";

type Props = { action: (prev: SanteState, formData: FormData) => Promise<SanteState>; initial: Record<string, string> };

export function DossierSanteForm({ action, initial }: Props) {
  const { state, formAction, pending, numero, attente } = useFormulaireAction(action, {
    initial: { values: initial, errors: {} },
  });
  const v = state.values;
  const errors = state.errors;

  // Enter in the search field searches; in another field it saves (not the form's first button).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (event.key !== "Enter" || target.tagName !== "INPUT" || ["checkbox", "radio"].includes(target.type)) return;
    event.preventDefault();
    const form = event.currentTarget;
    form.requestSubmit(
      form.querySelector<HTMLButtonElement>(
        target.name === "rechercheMedecin" ? "[data-recherche]" : "[data-default-submit]",
      ),
    );
  }

  const [tropLourd, setTropLourd] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const refus = refusTaille(event.currentTarget, "paiDocument", PIECE_MAX_OCTETS);
    setTropLourd(refus);
    if (refus) event.preventDefault();
  }

  const coche = (champ: string) => v[champ] === "on";
  return (
    <form action={formAction} onKeyDown={onKeyDown} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {attente}
      {state.message && <Alert kind="erreur" title={state.message} />}
      {state.enregistre && <Alert kind="succes" title="Les informations sont enregistrées." />}
      <ResumeErreurs key={numero} errors={errors}>
        <p>Ce qui est saisi est enregistré : vous pourrez le corriger plus tard.</p>
      </ResumeErreurs>

      <MedecinTraitant v={v} errors={errors} medecins={state.medecins} />

      <Cases
        legende="Habitudes alimentaires"
        codes={HABITUDES}
        champ={(code) => champHabitude(code as Habitude)}
        coche={coche}
        errors={errors}
        autre={{
          name: "habitudeAutre",
          label: "Précisez l'autre habitude alimentaire",
          value: v.habitudeAutre,
          error: errors.habitudeAutre,
        }}
      />
      <Cases
        legende="Allergies"
        codes={ALLERGENES}
        champ={(code) => champAllergie(code as Allergene)}
        coche={coche}
        errors={errors}
        autre={{
          name: "allergieAutre",
          label: "Précisez l'autre allergie",
          value: v.allergieAutre,
          error: errors.allergieAutre,
        }}
      />

      <fieldset className="mb-6">
        <legend className="mb-3 w-full bg-stone-100 px-3 py-2 font-bold uppercase">Commentaire</legend>
        <div className="mb-4">
          <Label htmlFor="commentaire">Commentaire</Label>
          <textarea
            id="commentaire"
            name="commentaire"
            rows={5}
            className="champ"
            defaultValue={v.commentaire}
            aria-invalid={errors.commentaire ? true : undefined}
            aria-describedby={errors.commentaire ? "commentaire-erreur" : undefined}
          />
          <FieldMessages name="commentaire" error={errors.commentaire} />
        </div>
        <CheckboxField
          name="pai"
          label="Demande de PAI (projet d'accueil individualisé)"
          defaultChecked={coche("pai")}
          aria-describedby="pai-rappel"
        />
        <p id="pai-rappel" className="rounded-md border-2 border-red-700 p-3 font-semibold text-red-800">
          Ne pas oublier de compléter la rubrique PAI pour les enfants concernés
        </p>
      </fieldset>

      <SuiviSanteFields v={v} errors={errors} tropLourd={tropLourd} />

      <div className="mt-6 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
        <button type="submit" name="intent" value="enregistrer" className="bouton-secondaire" data-default-submit>
          Enregistrer
        </button>
        <button type="submit" name="intent" value="etape2" className="bouton-principal">
          Aller à l&apos;étape 2 &gt;
        </button>
      </div>
    </form>
  );
}

/** MÉDECIN TRAITANT: the search in the commune's directory, its results (focused when they come), the fields. */
function MedecinTraitant({
  v,
  errors,
  medecins,
}: {
  v: Record<string, string>;
  errors: Record<string, string>;
  medecins: SanteState["medecins"];
}) {
  const resultatsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (medecins) resultatsRef.current?.focus();
  }, [medecins]);
  return (
    <fieldset className="mb-8">
      <legend className="mb-3 w-full bg-stone-100 px-3 py-2 font-bold uppercase">Médecin traitant</legend>
      <div className="mb-4">
        <Label htmlFor="rechercheMedecin">Rechercher un médecin</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="rechercheMedecin"
            name="rechercheMedecin"
            type="search"
            className="champ"
            defaultValue={v.rechercheMedecin}
            aria-describedby="rechercheMedecin-aide"
            autoComplete="off"
          />
          <button
            type="submit"
            name="intent"
            value="rechercher"
            formNoValidate
            className="bouton-secondaire"
            data-recherche
          >
            Rechercher
          </button>
        </div>
        <p id="rechercheMedecin-aide" className="mt-1 text-sm text-stone-700">
          Nom du médecin ou commune, dans l&apos;annuaire de la mairie. S&apos;il n&apos;y figure pas, saisissez-le
          ci-dessous.
        </p>
      </div>
      {medecins && (
        <div ref={resultatsRef} tabIndex={-1} className="mb-4 outline-none" role="status">
          {medecins.length === 0 ? (
            <p>Aucun médecin trouvé : saisissez son nom, sa commune et son téléphone ci-dessous.</p>
          ) : (
            <>
              <p className="mb-2 font-semibold">
                {medecins.length === 1 ? "1 médecin trouvé" : `${medecins.length} médecins trouvés`}
              </p>
              <ul className="space-y-2">
                {medecins.map((medecin) => (
                  <li
                    key={medecin.id}
                    className="flex flex-col gap-2 rounded-md border border-stone-300 p-2 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <span>{medecin.libelle}</span>
                    <button
                      type="submit"
                      name="intent"
                      value={`medecin:${medecin.id}`}
                      formNoValidate
                      className="bouton-secondaire"
                    >
                      Choisir<span className="sr-only"> {medecin.libelle}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <TextField
          name="medecinNom"
          label="Nom du médecin"
          defaultValue={v.medecinNom}
          error={errors.medecinNom}
          autoComplete="off"
        />
        <TextField
          name="medecinCommune"
          label="Commune"
          defaultValue={v.medecinCommune}
          error={errors.medecinCommune}
          autoComplete="off"
        />
        <TextField
          name="medecinTelephone"
          label="Téléphone"
          type="tel"
          defaultValue={v.medecinTelephone}
          error={errors.medecinTelephone}
          autoComplete="off"
        />
      </div>
    </fieldset>
  );
}

type CasesProps = {
  legende: string;
  codes: Record<string, string>;
  champ: (code: string) => string;
  coche: (champ: string) => boolean;
  errors: Record<string, string>;
  autre: { name: string; label: string; value?: string; error?: string };
};

/** A group of checkboxes, "Autre" last with its text. */
function Cases({ legende, codes, champ, coche, errors, autre }: CasesProps) {
  return (
    <fieldset className="mb-8">
      <legend className="mb-3 w-full bg-stone-100 px-3 py-2 font-bold uppercase">{legende}</legend>
      <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
        {Object.entries(codes).map(([code, libelle]) => (
          <CheckboxField
            key={code}
            name={champ(code)}
            label={libelle}
            defaultChecked={coche(champ(code))}
            error={errors[champ(code)]}
          />
        ))}
      </div>
      <TextField
        name={autre.name}
        label={autre.label}
        defaultValue={autre.value}
        error={autre.error}
        hint="Si vous avez coché « Autre »."
        autoComplete="off"
      />
    </fieldset>
  );
}
