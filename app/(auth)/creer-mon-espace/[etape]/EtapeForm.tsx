"use client";
// One step of "Créer mon espace". The step's zod schema runs in the browser before sending (the same schema
// the server applies), errors appear beside their field, and what was typed stays in place.
import { startTransition, useState, type FormEvent, type KeyboardEvent } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/ui/Field";
import { ResumeErreurs } from "@/components/formulaire/ResumeErreurs";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { PasswordField } from "@/components/ui/PasswordField";
import { AltchaField } from "@/components/ui/AltchaField";
import { WizardButtons } from "@/components/wizard/WizardButtons";
import { IdentiteFranceConnect } from "@/components/franceconnect/IdentiteFranceConnect";
import { formValues, parseForm } from "@/lib/forms";
import {
  authentificationSchema,
  CIVILITES,
  IDENTIFIANT_RULE,
  MOYENS_CONTACT,
  STEP_SCHEMAS,
  type EtapeSlug,
} from "@/lib/domain/usager/schemas";
import { refusTaille } from "@/components/ui/taille-fichier";
import { PHOTO_MAX_OCTETS } from "@/lib/storage/limites";
import { annuler, enregistrerEtape } from "../actions";

type Props = {
  etape: Exclude<EtapeSlug, "bienvenue">;
  initial: Record<string, string>;
  aPhoto?: boolean;
  /** a space begun with FranceConnect: Identité locked to it, no password asked */
  franceconnect?: boolean;
  children?: React.ReactNode;
};

export function EtapeForm({ etape, initial, aPhoto, franceconnect, children }: Props) {
  const {
    state,
    formAction: action,
    pending,
    formRef,
  } = useFormulaireAction(enregistrerEtape.bind(null, etape), { valeurs: initial });
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const errors = clientErrors ?? state.errors;
  const v = state.values;

  // SUIVANT / PRÉCÉDENT are sent from here rather than by the form's own submission, which React follows with
  // a form reset that loses some typed values (a select's choice). ANNULER keeps its own formAction.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name !== "intent") return;
    event.preventDefault();
    // a photo over the limit is refused here, before anything is sent (PRÉCÉDENT would send it too)
    const photoTropLourde = etape === "identite" && refusTaille(event.currentTarget, "photo", PHOTO_MAX_OCTETS);
    if (photoTropLourde) {
      setClientErrors({ photo: photoTropLourde });
      return;
    }
    const formData = new FormData(event.currentTarget, submitter);
    if (submitter.value === "suivant") {
      const schema = etape === "authentification" && !franceconnect ? authentificationSchema : STEP_SCHEMAS[etape];
      const parsed = parseForm(schema, formValues(formData));
      if (!parsed.success) {
        setClientErrors(parsed.errors);
        const first = Object.keys(parsed.errors)[0];
        if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
        return;
      }
    }
    setClientErrors(null);
    startTransition(() => action(formData));
  }

  // Enter in a field means SUIVANT, not the first button of the form (ANNULER).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === "Enter" && target.tagName === "INPUT" && (target as HTMLInputElement).type !== "checkbox") {
      event.preventDefault();
      formRef.current?.requestSubmit(formRef.current.querySelector<HTMLButtonElement>("[data-default-submit]"));
    }
  }

  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-busy={pending}>
      <ResumeErreurs errors={errors} liens />
      {children}
      {etape === "cgu" && (
        <CheckboxField
          name="accepte"
          label="J'accepte les conditions générales d'utilisation."
          required
          defaultChecked={v.accepte === "on"}
          error={errors.accepte}
        />
      )}
      {etape === "identite" && franceconnect && <IdentiteFranceConnect values={v} errors={errors} />}
      {etape === "identite" && !franceconnect && (
        <fieldset>
          <legend className="sr-only">Identité</legend>
          <SelectField
            name="civilite"
            label="Civilité"
            required
            options={CIVILITES}
            defaultValue={v.civilite ?? ""}
            error={errors.civilite}
            autoComplete="honorific-prefix"
          />
          <TextField
            name="nomUsage"
            label="Nom usuel"
            required
            defaultValue={v.nomUsage}
            error={errors.nomUsage}
            autoComplete="family-name"
            maxLength={100}
          />
          <TextField
            name="nomNaissance"
            label="Nom de naissance"
            defaultValue={v.nomNaissance}
            error={errors.nomNaissance}
            maxLength={100}
          />
          <TextField
            name="prenoms"
            label="Prénom(s)"
            required
            defaultValue={v.prenoms}
            error={errors.prenoms}
            autoComplete="given-name"
            maxLength={100}
          />
          <TextField
            name="dateNaissance"
            label="Date de naissance"
            type="date"
            defaultValue={v.dateNaissance}
            error={errors.dateNaissance}
            autoComplete="bday"
            hint="Format JJ/MM/AAAA."
          />
          <TextField
            name="paysNaissance"
            label="Pays de naissance"
            defaultValue={v.paysNaissance}
            error={errors.paysNaissance}
            maxLength={100}
          />
          <TextField
            name="departementNaissance"
            label="Département de naissance"
            defaultValue={v.departementNaissance}
            error={errors.departementNaissance}
            maxLength={100}
          />
          <TextField
            name="communeNaissance"
            label="Commune de naissance"
            defaultValue={v.communeNaissance}
            error={errors.communeNaissance}
            maxLength={100}
          />
          <TextField
            name="photo"
            label="Photo"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/heic"
            error={errors.photo}
            hint="Facultative. Image JPEG, PNG, WebP ou HEIC, 5 Mo au maximum."
          />
          {aPhoto && (
            <CheckboxField name="supprimerPhoto" label="Une photo est enregistrée. Cochez pour la supprimer." />
          )}
        </fieldset>
      )}
      {etape === "adresse" && (
        <fieldset>
          <legend className="sr-only">Adresse complète</legend>
          <div className="grid gap-x-4 sm:grid-cols-[8rem_1fr]">
            <TextField
              name="adresseNumero"
              label="Numéro"
              defaultValue={v.adresseNumero}
              error={errors.adresseNumero}
              maxLength={10}
            />
            <TextField
              name="adresseVoie"
              label="Voie"
              defaultValue={v.adresseVoie}
              error={errors.adresseVoie}
              autoComplete="address-line1"
              maxLength={150}
            />
          </div>
          <TextField
            name="adresseComplement"
            label="Complément"
            defaultValue={v.adresseComplement}
            error={errors.adresseComplement}
            autoComplete="address-line2"
            maxLength={150}
          />
          <div className="grid gap-x-4 sm:grid-cols-[10rem_1fr]">
            <TextField
              name="codePostal"
              label="Code postal"
              defaultValue={v.codePostal}
              error={errors.codePostal}
              autoComplete="postal-code"
              inputMode="numeric"
              maxLength={10}
              hint="5 chiffres en France."
            />
            <TextField
              name="ville"
              label="Ville"
              defaultValue={v.ville}
              error={errors.ville}
              autoComplete="address-level2"
              maxLength={100}
            />
          </div>
          <TextField
            name="pays"
            label="Pays"
            defaultValue={v.pays ?? "France"}
            error={errors.pays}
            autoComplete="country-name"
            maxLength={100}
          />
        </fieldset>
      )}
      {etape === "contact" && (
        <fieldset>
          <legend className="sr-only">Moyens de contact</legend>
          <TextField
            name="telephone"
            label="Téléphone"
            type="tel"
            defaultValue={v.telephone}
            error={errors.telephone}
            autoComplete="tel"
          />
          <TextField
            name="mobile"
            label="Mobile"
            type="tel"
            defaultValue={v.mobile}
            error={errors.mobile}
            autoComplete="tel"
          />
          <TextField
            name="courriel"
            label="Courriel"
            type="email"
            required
            defaultValue={v.courriel}
            error={errors.courriel}
            autoComplete="email"
            hint="Le lien d'activation de votre espace y sera envoyé."
          />
          <SelectField
            name="moyenContactPrefere"
            label="Moyen de contact préféré"
            options={MOYENS_CONTACT}
            defaultValue={v.moyenContactPrefere ?? ""}
            error={errors.moyenContactPrefere}
          />
        </fieldset>
      )}
      {etape === "authentification" && (
        <>
          <fieldset className="mb-6">
            <legend className="sr-only">Authentification</legend>
            <TextField
              name="identifiant"
              label="Identifiant d'utilisateur"
              required
              defaultValue={v.identifiant}
              error={errors.identifiant}
              autoComplete="username"
              hint={IDENTIFIANT_RULE}
              maxLength={50}
            />
            {!franceconnect && (
              <>
                <PasswordField
                  name="motDePasse"
                  label="Mot de passe"
                  defaultValue={v.motDePasse}
                  error={errors.motDePasse}
                />
                <PasswordField
                  name="confirmation"
                  label="Confirmation du mot de passe"
                  defaultValue={v.confirmation}
                  error={errors.confirmation}
                  showRule={false}
                />
              </>
            )}
          </fieldset>
          <fieldset className="mb-6">
            <legend className="mb-3 text-lg font-bold uppercase">Services</legend>
            <div className="mb-3 space-y-2 text-sm">
              <p>
                L&apos;utilisation des services du portail familles nécessite une activation initiale au moyen de
                l&apos;application « Clé enfance ». Cette clé enfance sera directement intégrée dans votre espace
                personnel.
              </p>
              <p>
                Laissez le champ « clé enfance » vide pour l&apos;instant et finalisez la création de votre espace
                personnel.
              </p>
              <p>
                Si besoin, vous pourrez renseigner ultérieurement cette « clé enfance » dans « modifier votre Espace ».
              </p>
            </div>
            {/* most parents have no key yet: the field waits behind its question instead of asking not to be filled */}
            <details
              className="rounded-md border border-stone-300 p-3"
              open={Boolean(v.cleEnfance || errors.cleEnfance)}
            >
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-marque-fonce">
                J&apos;ai une clé enfance
              </summary>
              <div className="mt-3">
                <TextField
                  name="cleEnfance"
                  label="Clé Enfance"
                  defaultValue={v.cleEnfance}
                  error={errors.cleEnfance}
                  maxLength={20}
                  autoComplete="off"
                  hint="La Clé Enfance fait le lien entre le logiciel et votre espace personnel du portail famille. Elle est générée à l'issue de la création de votre famille et de sa validation par les agents de la mairie : ne la saisissez que si elle vous a été communiquée (par exemple par l'autre parent de la famille)."
                />
              </div>
            </details>
          </fieldset>
          <fieldset>
            <legend className="mb-3 text-lg font-bold uppercase">Contrôle de sécurité</legend>
            {/* A refused submission may have spent the solution: a new widget asks for a new one. */}
            <AltchaField
              key={state.errors.altcha ?? state.errors._form ?? state.errors.identifiant ?? "premier"}
              error={errors.altcha}
            />
          </fieldset>
        </>
      )}
      <WizardButtons annuler={annuler} dernier={etape === "authentification"} />
    </form>
  );
}
