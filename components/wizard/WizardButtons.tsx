// ANNULER / PRÉCÉDENT / SUIVANT (VALIDER at the last step), as in the seed. ANNULER posts to its own action
// through formAction, so it needs no second form.
export function WizardButtons({
  annuler,
  dernier,
}: {
  annuler: (formData: FormData) => Promise<void>;
  dernier?: boolean;
}) {
  return (
    <div className="mt-8 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
      <button type="submit" formAction={annuler} formNoValidate className="bouton-discret">
        Annuler
      </button>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" name="intent" value="precedent" formNoValidate className="bouton-secondaire">
          Précédent
        </button>
        <button type="submit" name="intent" value="suivant" className="bouton-principal" data-default-submit>
          {dernier ? "Valider" : "Suivant"}
        </button>
      </div>
    </div>
  );
}
