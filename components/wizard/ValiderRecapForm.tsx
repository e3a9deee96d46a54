"use client";
// ANNULER LA DÉMARCHE / < RETOUR À L'ÉTAPE 1 / VALIDER, as the seed lines them up under every démarche's recap.
// The demande travels in the form (the actions reach only the caller's own); `annuler` is null when there is
// nothing to cancel (a demande sent back « à compléter » is not withdrawn from here).
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { retourEtape1Demarche, validerDemarche } from "@/app/(portail)/demandes/actions-demarche";
import type { FormState } from "@/lib/forms";

// the wrapper's actions also take FormData alone (a plain <form action>): this is the form-state half
type EtatAction = (precedent: FormState, formData: FormData) => Promise<FormState>;
const valider: EtatAction = validerDemarche;
const retourEtape1: EtatAction = retourEtape1Demarche;

export function ValiderRecapForm({ demandeId, annuler }: { demandeId: string; annuler: string | null }) {
  const { state, formAction: envoyer, pending, formRef, attente } = useFormulaireAction(valider, { focus: "champ" });
  const { state: retour, formAction: revenir, pending: retourEnCours } = useFormulaireAction(retourEtape1);
  const message = state.message ?? retour.message;
  return (
    <form ref={formRef} action={envoyer} aria-busy={pending || retourEnCours}>
      {attente}
      <input type="hidden" name="demande" value={demandeId} />
      {message && <Alert kind="erreur" title={message} />}
      <div className="mt-8 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
        {annuler ? (
          <Link href={annuler} className="bouton-discret no-underline">
            Annuler la démarche
          </Link>
        ) : (
          <span />
        )}
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" formAction={revenir} className="bouton-secondaire">
            &lt; Retour à l&apos;étape 1
          </button>
          <button type="submit" className="bouton-principal" disabled={pending}>
            Valider
          </button>
        </div>
      </div>
    </form>
  );
}
