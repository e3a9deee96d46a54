"use client";
// Mon accueil's two small forms of the bookings block: the cutoff reminder's opt-in, and « Malade ce matin » for
// the children ticked (one confirmation, each child's outcome in the answer, focused).
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { FieldMessages } from "@/components/ui/Field";
import { maladeCeMatinFamilleAction, rappelClotureAction } from "@/app/(portail)/mon-espace/actions-agenda";

export function RappelClotureForm({ actif }: { actif: boolean }) {
  const { formAction, pending, onSubmit, formRef, annonce } = useFormulaireAction(rappelClotureAction);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} aria-busy={pending}>
      {annonce}
      <div className="flex items-start gap-2">
        <input
          id="rappel-cloture"
          type="checkbox"
          name="rappel"
          value="oui"
          defaultChecked={actif}
          className="mt-1 size-5 shrink-0"
        />
        <label htmlFor="rappel-cloture">
          Me prévenir par courriel la veille d&apos;une clôture quand des jours de la semaine suivante ne sont pas
          réservés
        </label>
      </div>
      <button type="submit" className="bouton-secondaire mt-2" disabled={pending}>
        Enregistrer ma préférence
      </button>
    </form>
  );
}

export function MaladeCeMatinFamilleForm({
  enfants,
  heure,
}: {
  enfants: { enfantId: string; prenom: string }[];
  /** the commune's hour, until which « Malade ce matin » is open */
  heure: string;
}) {
  const { state, formAction, pending, onSubmit, formRef, annonce } = useFormulaireAction(maladeCeMatinFamilleAction);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} aria-busy={pending}>
      {annonce}
      {enfants.length === 0 && !state.message && (
        <p>Aucun enfant n&apos;a de repas ni de garderie réservé aujourd&apos;hui.</p>
      )}
      {!state.ok && enfants.length > 0 && (
        <fieldset aria-describedby={state.errors.enfants ? "enfants-erreur" : undefined}>
          <legend className="mb-2">
            Jusqu&apos;à {heure}, cochez les enfants malades : le repas et la garderie d&apos;aujourd&apos;hui sont
            annulés, le certificat médical est à envoyer ensuite.
          </legend>
          {enfants.map((e) => (
            <div key={e.enfantId} className="flex min-h-11 items-center gap-2">
              <input
                id={`malade-${e.enfantId}`}
                type="checkbox"
                name="enfant"
                value={e.enfantId}
                className="size-5 shrink-0"
              />
              <label htmlFor={`malade-${e.enfantId}`}>{e.prenom}</label>
            </div>
          ))}
          <FieldMessages name="enfants" error={state.errors.enfants} />
          <button type="submit" className="bouton-principal mt-2" disabled={pending}>
            Malade ce matin : annuler aujourd&apos;hui pour les enfants cochés
          </button>
        </fieldset>
      )}
    </form>
  );
}
