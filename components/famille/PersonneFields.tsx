"use client";
// The fields of each person of a family (representant, enfant, contact), with the seed's labels: the parent's
// declaration and the agents' correction show the same form, validated by the same schemas
// (lib/domain/famille/schemas.ts).
import { useState } from "react";
import { AdresseFields } from "@/components/ui/AdresseFields";
import { ChampsObligatoires, CheckboxField, FieldMessages, SelectField, TextField } from "@/components/ui/Field";
import { CIVILITES } from "@/lib/domain/usager/schemas";
import { MODALITES_CONTACT, QUALITES, SEXES, type Role } from "@/lib/domain/famille/schemas";

type FieldsProps = { v: Record<string, string>; errors: Record<string, string> };

/** The fields of one person of the family, by role, under the note on required fields. */
export function PersonneFields({ role, v, errors }: FieldsProps & { role: Role }) {
  return (
    <>
      <ChampsObligatoires />
      {(role === "titulaire" || role === "coRepresentant") && <RepresentantFields role={role} v={v} errors={errors} />}
      {role === "enfant" && <EnfantFields v={v} errors={errors} />}
      {role === "contact" && <ContactFields v={v} errors={errors} />}
    </>
  );
}

function RepresentantFields({ role, v, errors }: FieldsProps & { role: "titulaire" | "coRepresentant" }) {
  return (
    <>
      <fieldset className="mb-6">
        <legend className="mb-3 text-lg font-bold uppercase">Représentant</legend>
        <SelectField
          name="civilite"
          label="Civilité"
          required
          options={CIVILITES}
          defaultValue={v.civilite ?? ""}
          error={errors.civilite}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            name="nomUsage"
            label="Nom d'usage"
            required
            defaultValue={v.nomUsage}
            error={errors.nomUsage}
            maxLength={100}
            autoComplete={role === "titulaire" ? "family-name" : "off"}
          />
          <TextField
            name="nomFamille"
            label="Nom de famille"
            defaultValue={v.nomFamille}
            error={errors.nomFamille}
            maxLength={100}
          />
          <TextField
            name="prenom"
            label="Prénom"
            required
            defaultValue={v.prenom}
            error={errors.prenom}
            maxLength={100}
            autoComplete={role === "titulaire" ? "given-name" : "off"}
          />
          <TextField
            name="dateNaissance"
            label="Date de naissance"
            type="date"
            defaultValue={v.dateNaissance}
            error={errors.dateNaissance}
          />
          <TextField
            name="communeNaissance"
            label="Commune"
            defaultValue={v.communeNaissance}
            error={errors.communeNaissance}
            maxLength={100}
            hint="Commune de naissance."
          />
          <TextField
            name="departementNaissance"
            label="Département"
            defaultValue={v.departementNaissance}
            error={errors.departementNaissance}
            maxLength={100}
            hint="Département de naissance."
          />
          <TextField
            name="paysNaissance"
            label="Pays"
            defaultValue={v.paysNaissance}
            error={errors.paysNaissance}
            maxLength={100}
            hint="Pays de naissance."
          />
        </div>
      </fieldset>
      <Adresse facultative={role === "coRepresentant"} v={v} errors={errors} />
      <fieldset className="mb-6">
        <legend className="mb-3 text-lg font-bold uppercase">Coordonnées</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            name="telephoneDomicile"
            label="Téléphone domicile"
            type="tel"
            defaultValue={v.telephoneDomicile}
            error={errors.telephoneDomicile}
          />
          <TextField
            name="telephonePortable"
            label="Téléphone portable"
            type="tel"
            defaultValue={v.telephonePortable}
            error={errors.telephonePortable}
          />
          <TextField
            name="courriel"
            label="Courriel"
            type="email"
            defaultValue={v.courriel}
            error={errors.courriel}
            maxLength={254}
          />
          <TextField
            name="profession"
            label="Profession"
            defaultValue={v.profession}
            error={errors.profession}
            maxLength={100}
          />
          <TextField
            name="employeur"
            label="Employeur"
            defaultValue={v.employeur}
            error={errors.employeur}
            maxLength={100}
          />
          <TextField
            name="telephonePro"
            label="Téléphone professionnel"
            type="tel"
            defaultValue={v.telephonePro}
            error={errors.telephonePro}
          />
        </div>
        <SelectField
          name="modaliteContact"
          label="Modalité de contact"
          options={MODALITES_CONTACT}
          defaultValue={v.modaliteContact ?? ""}
          error={errors.modaliteContact}
        />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-3 text-lg font-bold uppercase">Qualité</legend>
        <SelectField
          name="qualite"
          label="Qualité vis-à-vis des enfants"
          required
          options={QUALITES}
          defaultValue={v.qualite ?? ""}
          error={errors.qualite}
        />
        <Radios
          name="autoriteParentale"
          legend="Autorité parentale"
          options={{ oui: "Avec autorité parentale", non: "Sans autorité parentale" }}
          v={v}
          errors={errors}
        />
      </fieldset>
    </>
  );
}

function EnfantFields({ v, errors }: FieldsProps) {
  return (
    <>
      <fieldset className="mb-6">
        <legend className="mb-3 text-lg font-bold uppercase">Enfant</legend>
        <Radios name="sexe" legend="Sexe" options={SEXES} v={v} errors={errors} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            name="nom"
            label="Nom"
            required
            defaultValue={v.nom}
            error={errors.nom}
            maxLength={100}
            autoComplete="off"
          />
          <TextField
            name="prenoms"
            label="Prénom(s)"
            required
            defaultValue={v.prenoms}
            error={errors.prenoms}
            maxLength={100}
            autoComplete="off"
          />
          <TextField
            name="dateNaissance"
            label="Date de naissance"
            type="date"
            required
            defaultValue={v.dateNaissance}
            error={errors.dateNaissance}
          />
          <TextField
            name="lieuNaissance"
            label="Lieu de naissance"
            defaultValue={v.lieuNaissance}
            error={errors.lieuNaissance}
            maxLength={100}
          />
        </div>
      </fieldset>
      <Adresse facultative v={v} errors={errors} />
    </>
  );
}

function ContactFields({ v, errors }: FieldsProps) {
  return (
    <fieldset className="mb-6">
      <legend className="mb-3 text-lg font-bold uppercase">Contact</legend>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="nom"
          label="Nom"
          required
          defaultValue={v.nom}
          error={errors.nom}
          maxLength={100}
          autoComplete="off"
        />
        <TextField
          name="prenom"
          label="Prénom"
          required
          defaultValue={v.prenom}
          error={errors.prenom}
          maxLength={100}
          autoComplete="off"
        />
        <TextField
          name="lien"
          label="Lien avec l'enfant"
          required
          defaultValue={v.lien}
          error={errors.lien}
          maxLength={60}
          hint="Par exemple : grand-mère, voisin, nourrice."
        />
        <TextField
          name="telephonePortable"
          label="Téléphone portable"
          type="tel"
          defaultValue={v.telephonePortable}
          error={errors.telephonePortable}
          hint="Au moins un téléphone."
        />
        <TextField
          name="telephoneDomicile"
          label="Téléphone domicile"
          type="tel"
          defaultValue={v.telephoneDomicile}
          error={errors.telephoneDomicile}
        />
      </div>
      <CheckboxField name="aPrevenir" label="À prévenir en cas d'urgence" defaultChecked={v.aPrevenir === "on"} />
      <CheckboxField
        name="autoriseRecuperer"
        label="Autorisé(e) à venir chercher l'enfant"
        defaultChecked={v.autoriseRecuperer === "on"}
      />
    </fieldset>
  );
}

/** The address block; for a co-représentant or a child it may simply be the titulaire's. */
function Adresse({ facultative = false, v, errors }: FieldsProps & { facultative?: boolean }) {
  const [meme, setMeme] = useState(facultative && v.memeAdresse === "on");
  return (
    <>
      {facultative && (
        <CheckboxField
          name="memeAdresse"
          label="Même adresse que le titulaire du compte"
          checked={meme}
          onChange={(event) => setMeme(event.currentTarget.checked)}
        />
      )}
      {/* kept in the page while hidden, so unticking the box brings back what was typed */}
      <div hidden={meme}>
        <AdresseFields values={v} errors={errors} />
      </div>
    </>
  );
}

function Radios({
  name,
  legend,
  options,
  v,
  errors,
}: FieldsProps & { name: string; legend: string; options: Record<string, string> }) {
  const error = errors[name];
  return (
    <fieldset className="mb-4" aria-describedby={error ? `${name}-erreur` : undefined}>
      <legend className="mb-1 font-semibold">
        <span aria-hidden="true" className="mr-1 text-red-700">
          *
        </span>
        {legend}
        <span className="sr-only"> (obligatoire)</span>
      </legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {Object.entries(options).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={value}
              defaultChecked={v[name] === value}
              className="size-5 accent-marque"
            />
            {label}
          </label>
        ))}
      </div>
      <FieldMessages name={name} error={error} />
    </fieldset>
  );
}
