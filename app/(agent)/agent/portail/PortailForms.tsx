"use client";
// The console's forms for the portal's pages (components/formulaire: what was typed kept on a refusal, the
// answer at the top), each starting empty again after a successful publication.
import type { ReactNode } from "react";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { ChampsObligatoires, FieldMessages, Label, SelectField, TextField } from "@/components/ui/Field";
import { CATEGORIES_DOCUMENT } from "@/lib/domain/portail/schemas";
import {
  ajouterDocumentUtileAction,
  creerActualiteAction,
  modifierActualiteAction,
  modifierInfosPratiquesAction,
} from "./actions";

/** A long text with its label and messages; `id` (the name by default) tells apart the same field of several forms on a page. */
export function TexteLong({
  name,
  id = name,
  label,
  value,
  error,
  hint,
  required,
  rows = 6,
}: {
  name: string;
  id?: string;
  label: string;
  value?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
}) {
  const describedBy = [hint ? `${id}-aide` : "", error ? `${id}-erreur` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="champ"
      />
      <FieldMessages name={id} error={error} hint={hint} />
    </div>
  );
}

/** A new actualité, or (with `actualite`) the one being rewritten. */
export function ActualiteForm({ actualite }: { actualite?: { id: string; titre: string; texte: string } }) {
  const { state, pending, formAction, onSubmit, annonce, cle } = useFormulaireAction(
    actualite ? modifierActualiteAction : creerActualiteAction,
    { valeurs: actualite },
  );
  const { values: v, errors } = state;
  return (
    <form key={cle} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      {actualite && <input type="hidden" name="id" value={actualite.id} />}
      <ChampsObligatoires />
      <TextField name="titre" label="Titre" required defaultValue={v.titre} error={errors.titre} maxLength={150} />
      <TexteLong name="texte" label="Texte" required value={v.texte} error={errors.texte} />
      {errors.statut && <p className="mb-2 text-red-800">{errors.statut}</p>}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="statut" value="PUBLIEE" className="bouton-principal" disabled={pending}>
          Publier
        </button>
        <button type="submit" name="statut" value="BROUILLON" className="bouton-secondaire" disabled={pending}>
          Enregistrer en brouillon
        </button>
      </div>
    </form>
  );
}

export function DocumentUtileForm() {
  const { state, pending, formAction, onSubmit, annonce, cle } = useFormulaireAction(ajouterDocumentUtileAction);
  const { values: v, errors } = state;
  return (
    <form key={cle} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <ChampsObligatoires />
      <TextField
        name="intitule"
        label="Titre du document"
        required
        defaultValue={v.intitule}
        error={errors.intitule}
        maxLength={150}
      />
      <SelectField
        name="categorie"
        label="Catégorie"
        required
        options={CATEGORIES_DOCUMENT}
        defaultValue={v.categorie ?? ""}
        error={errors.categorie}
      />
      <TextField
        name="fichier"
        label="Fichier"
        type="file"
        required
        accept="application/pdf,image/jpeg,image/png"
        error={errors.fichier}
        hint="PDF, JPEG ou PNG, 10 Mo au maximum."
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Publier le document
      </button>
    </form>
  );
}

export function InfosPratiquesForm({ initial }: { initial: Record<string, string> }) {
  const { state, pending, formAction, onSubmit, annonce } = useFormulaireAction(modifierInfosPratiquesAction, {
    valeurs: initial,
  });
  const { values: v, errors } = state;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <TexteLong
        name="horaires"
        label="Horaires"
        value={v.horaires}
        error={errors.horaires}
        hint="Par exemple : Lundi au vendredi, 8 h 30 – 12 h et 13 h 30 – 17 h."
      />
      <TexteLong name="adresse" label="Adresse" value={v.adresse} error={errors.adresse} rows={3} />
      <TexteLong
        name="contacts"
        label="Contacts"
        value={v.contacts}
        error={errors.contacts}
        hint="Les personnes ou services à joindre, leurs téléphones et courriels."
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer les infos pratiques
      </button>
    </form>
  );
}
