"use client";
// The Paramétrage's forms (components/formulaire): each keeps what was typed when the server refuses a field,
// and says so beside it.
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { CheckboxField, FieldMessages, Label, TextField } from "@/components/ui/Field";
import { enregistrerCommuneAction, envoyerLogoAction, publierDocumentAction } from "./actions";

export function CommuneForm({ initial }: { initial: Record<string, string> }) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(enregistrerCommuneAction, {
    valeurs: initial,
  });
  const { values: v, errors } = state;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="nom"
          label="Nom de la commune"
          required
          defaultValue={v.nom}
          error={errors.nom}
          maxLength={100}
        />
        <TextField
          name="serviceNom"
          label="Nom du service"
          required
          defaultValue={v.serviceNom}
          error={errors.serviceNom}
          maxLength={100}
        />
        <TextField
          name="serviceEmail"
          label="Courriel du service"
          type="email"
          required
          defaultValue={v.serviceEmail}
          error={errors.serviceEmail}
          maxLength={254}
        />
        <TextField
          name="telephone"
          label="Téléphone du service"
          type="tel"
          defaultValue={v.telephone}
          error={errors.telephone}
          maxLength={30}
        />
      </div>
      <TextField
        name="adresse"
        label="Adresse de la mairie"
        defaultValue={v.adresse}
        error={errors.adresse}
        maxLength={200}
      />
      <TextField
        name="siteUrl"
        label="Adresse du site principal"
        type="url"
        defaultValue={v.siteUrl}
        error={errors.siteUrl}
        maxLength={300}
        hint="Le lien « Retour au site principal » du pied de page y mène. Par exemple https://www.villefranque.fr."
      />
      <CheckboxField
        name="totpObligatoire"
        label="Exiger la double authentification (TOTP) de tous les agents"
        defaultChecked={v.totpObligatoire === "on"}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          name="delaiJustificatifHeures"
          label="Délai pour fournir le justificatif d'une absence (heures)"
          inputMode="numeric"
          defaultValue={v.delaiJustificatifHeures}
          error={errors.delaiJustificatifHeures}
          maxLength={3}
          hint="Sans justificatif dans ce délai, l'absence est injustifiée. Par exemple 48."
        />
        <TextField
          name="heureLimiteMaladie"
          label="Heure limite de « Malade ce matin »"
          type="time"
          defaultValue={v.heureLimiteMaladie}
          error={errors.heureLimiteMaladie}
          hint="Heure de Paris jusqu'à laquelle un parent annule le repas et la garderie du jour. Par exemple 09:00."
        />
      </div>
      <TextField
        name="traiteurCourriel"
        label="Courriel du traiteur"
        type="email"
        autoComplete="off"
        defaultValue={v.traiteurCourriel}
        error={errors.traiteurCourriel}
        maxLength={254}
        hint="À la clôture des réservations, la commande des repas figée de chaque lieu (nombres de repas, régimes, allergènes et PAI, sans aucun nom) lui est envoyée. Laissez vide pour ne rien envoyer."
      />
      <TextField
        name="transportOperateur"
        label="Transporteur scolaire"
        autoComplete="off"
        defaultValue={v.transportOperateur}
        error={errors.transportOperateur}
        maxLength={100}
        hint="Par exemple TXIK TXAK. Les familles signalent sur le portail l'enfant qui prend le bus, en parallèle de leur inscription auprès de ce transporteur, et les listes de pointage le signalent. Laissez vide si la commune n'a pas de transport scolaire."
      />
      <TextField
        name="delaiCorrectionPointageJours"
        label="Délai de correction du pointage (jours)"
        inputMode="numeric"
        defaultValue={v.delaiCorrectionPointageJours}
        error={errors.delaiCorrectionPointageJours}
        maxLength={2}
        hint="Nombre de jours passés dont les listes peuvent encore être pointées ou corrigées. Par exemple 7 ; 0 : le jour même seulement."
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer
      </button>
    </form>
  );
}

export function LogoForm() {
  const { state, formAction, pending, onSubmit, formRef, annonce } = useFormulaireAction(envoyerLogoAction, {
    focus: "champ",
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <TextField
        name="logo"
        label="Nouveau logo"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        error={state.errors.logo}
        hint="PNG, JPEG ou WebP, 1 Mo au maximum."
      />
      <button type="submit" className="bouton-secondaire" disabled={pending}>
        Envoyer le logo
      </button>
    </form>
  );
}

export function DocumentForm({
  type,
  titre,
  prochaine,
  contenu,
}: {
  type: string;
  titre: string;
  prochaine: number;
  contenu: string;
}) {
  const { state, formAction, pending, onSubmit, annonce } = useFormulaireAction(publierDocumentAction, {
    valeurs: { contenu },
  });
  const id = `contenu-${type}`;
  const error = state.errors.contenu;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <input type="hidden" name="type" value={type} />
      <div className="mb-4">
        <Label htmlFor={id} required>
          Texte de la version {prochaine} : {titre}
        </Label>
        <textarea
          id={id}
          name="contenu"
          rows={12}
          required
          defaultValue={state.values.contenu}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-aide${error ? ` ${id}-erreur` : ""}`}
          className="champ font-mono text-sm"
        />
        <FieldMessages
          name={id}
          error={error}
          hint="{commune} est remplacé par le nom de la commune. Les versions publiées ne sont jamais modifiées."
        />
      </div>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Publier la version {prochaine}
      </button>
    </form>
  );
}
