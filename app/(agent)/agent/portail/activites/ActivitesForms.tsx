"use client";
// The console's forms for the ACTIVITÉS catalogue. Several activities share the page, so each control's id
// carries its activity (or element); a refused submission keeps what was typed, the message beside the field.
import type { InputHTMLAttributes } from "react";
import { FieldMessages, Label } from "@/components/ui/Field";
import { EXIGENCES_PIECE, type ExigencePiece } from "@/lib/domain/portail/schemas";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { TexteLong } from "../PortailForms";
import { ajouterElementAction, modifierDescriptionAction, modifierElementAction, reglerPiecesAction } from "./actions";

type Sorte = "lieu" | "groupe" | "unite";

function ChampTexte({
  id,
  label,
  error,
  ...input
}: { id: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="min-w-0 grow">
      <Label htmlFor={id} required>
        {label}
      </Label>
      <input
        id={id}
        type="text"
        required
        maxLength={100}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-erreur` : undefined}
        className="champ"
        {...input}
      />
      <FieldMessages name={id} error={error} />
    </div>
  );
}

export function DescriptionForm({ activiteId, description }: { activiteId: number; description: string }) {
  const { state, pending, formAction, onSubmit, annonce } = useFormulaireAction(modifierDescriptionAction, {
    valeurs: { description },
  });
  const { values: v, errors } = state;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="mb-6">
      {annonce}
      <input type="hidden" name="activiteId" value={activiteId} />
      <TexteLong
        id={`description-${activiteId}`}
        name="description"
        label="Description"
        required
        rows={3}
        value={v.description}
        error={errors.description}
        hint="Présentée aux familles sur la page ACTIVITÉS."
      />
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer la description
      </button>
    </form>
  );
}

/** A lieu, groupe or unité: its name to change, or RETIRER. */
export function ElementForm({
  sorte,
  id,
  libelle,
  intitule,
}: {
  sorte: Sorte;
  id: number;
  libelle: string;
  intitule: string;
}) {
  const { state, pending, formAction, onSubmit, annonce, cle } = useFormulaireAction(modifierElementAction, {
    valeurs: { libelle },
  });
  const { values: v, errors } = state;
  return (
    <form key={cle} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="py-3">
      {annonce}
      <input type="hidden" name="sorte" value={sorte} />
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap items-end gap-2">
        <ChampTexte
          id={`${sorte}-${id}`}
          name="libelle"
          label={intitule}
          defaultValue={v.libelle}
          error={errors.libelle}
        />
        <button type="submit" name="operation" value="renommer" className="bouton-secondaire" disabled={pending}>
          Renommer<span className="sr-only"> : {libelle}</span>
        </button>
        <button type="submit" name="operation" value="retirer" className="bouton-discret" disabled={pending}>
          Retirer<span className="sr-only"> : {libelle}</span>
        </button>
      </div>
    </form>
  );
}

export function NouvelElementForm({
  activiteId,
  sorte,
  label,
  bouton,
}: {
  activiteId: number;
  sorte: Sorte;
  label: string;
  bouton: string;
}) {
  const { state, pending, formAction, onSubmit, annonce, cle } = useFormulaireAction(ajouterElementAction);
  const { values: v, errors } = state;
  return (
    <form key={cle} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending} className="py-3">
      {annonce}
      <input type="hidden" name="sorte" value={sorte} />
      <input type="hidden" name="activiteId" value={activiteId} />
      <div className="flex flex-wrap items-end gap-2">
        <ChampTexte
          id={`nouveau-${sorte}-${activiteId}`}
          name="libelle"
          label={label}
          defaultValue={v.libelle}
          error={errors.libelle}
        />
        <button type="submit" className="bouton-secondaire" disabled={pending}>
          {bouton}
        </button>
      </div>
    </form>
  );
}

/** For each of the seven pièces: Obligatoire, Facultative or Non demandée. */
export function PiecesForm({
  activiteId,
  pieces,
}: {
  activiteId: number;
  pieces: { type: string; libelle: string; exigence: ExigencePiece }[];
}) {
  const { state, pending, formAction, onSubmit, annonce } = useFormulaireAction(reglerPiecesAction, {
    valeurs: Object.fromEntries(pieces.map((p) => [p.type, p.exigence])),
  });
  const { values: v, errors } = state;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <input type="hidden" name="activiteId" value={activiteId} />
      <fieldset className="mb-4">
        <legend className="mb-2 font-bold">Pièces justificatives</legend>
        <p className="mb-3 text-sm">
          Une pièce obligatoire doit être jointe avant le dépôt de la demande ; une pièce facultative est proposée aux
          familles.
        </p>
        {pieces.map((piece) => {
          const erreur = errors[piece.type];
          const idErreur = `pieces-${activiteId}-${piece.type}`;
          return (
            <fieldset key={piece.type} className="mb-3" aria-describedby={erreur ? `${idErreur}-erreur` : undefined}>
              <legend className="font-semibold">{piece.libelle}</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-1">
                {Object.entries(EXIGENCES_PIECE).map(([valeur, texte]) => {
                  const id = `${idErreur}-${valeur}`;
                  return (
                    <div key={valeur} className="flex items-center gap-2">
                      <input
                        type="radio"
                        id={id}
                        name={piece.type}
                        value={valeur}
                        defaultChecked={v[piece.type] === valeur}
                        className="size-5 accent-marque"
                      />
                      <label htmlFor={id} className="flex min-h-11 items-center">
                        {texte}
                      </label>
                    </div>
                  );
                })}
              </div>
              <FieldMessages name={idErreur} error={erreur} />
            </fieldset>
          );
        })}
      </fieldset>
      <button type="submit" className="bouton-principal" disabled={pending}>
        Enregistrer les pièces demandées
      </button>
    </form>
  );
}
