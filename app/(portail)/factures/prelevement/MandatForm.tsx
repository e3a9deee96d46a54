"use client";
// Signing the mandate, or changing its IBAN (the same form, the same rules): the IBAN, the account's holder, the
// consent, and the password re-entered unless the parent signed in with FranceConnect a moment ago. A refusal
// keeps everything typed but the password, its message beside the field.
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { CheckboxField, TextField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import type { FormState } from "@/lib/forms";
import { modifierIbanAction, signerMandatAction } from "./actions";

const signer: (precedent: FormState, formData: FormData) => Promise<FormState> = signerMandatAction;
const modifier: (precedent: FormState, formData: FormData) => Promise<FormState> = modifierIbanAction;

type Props = {
  familleId: string;
  /** the mandate whose IBAN changes; absent to sign a new one */
  rum?: string;
  franceConnect: boolean;
  /** a space opened with FranceConnect only: no password to re-enter, FranceConnect again instead */
  sansMotDePasse?: boolean;
  titulaire: string;
};

export function MandatForm({ familleId, rum, franceConnect, sansMotDePasse, titulaire }: Props) {
  const { state, formAction, onSubmit, pending, formRef, annonce, cle, numero } = useFormulaireAction(
    rum ? modifier : signer,
    {
      valeurs: { titulaire },
    },
  );
  const v = state.values;
  const e = state.errors;
  return (
    <form key={cle} ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {annonce}
      <input type="hidden" name="familleId" value={familleId} />
      {rum && <input type="hidden" name="rum" value={rum} />}
      <TextField
        name="iban"
        label={rum ? "Nouvel IBAN" : "IBAN"}
        required
        autoComplete="off"
        spellCheck={false}
        inputMode="text"
        defaultValue={v.iban}
        error={e.iban}
        hint="Sur votre relevé d'identité bancaire (RIB), par exemple FR76 3000 6000 0112 3456 7890 189."
      />
      <TextField
        name="titulaire"
        label="Titulaire du compte"
        required
        autoComplete="name"
        defaultValue={v.titulaire}
        error={e.titulaire}
      />
      <CheckboxField
        name="consentement"
        label={
          rum
            ? "J'autorise les prélèvements sur ce nouveau compte, selon le mandat ci-dessus."
            : "J'ai lu le mandat ci-dessus et j'autorise la commune à prélever mes factures sur ce compte."
        }
        required
        defaultChecked={v.consentement === "on"}
        error={e.consentement}
      />
      {franceConnect ? (
        <p className="mb-4">
          Vous vous êtes connecté avec FranceConnect il y a moins de 10 minutes : le mandat sera signé avec
          FranceConnect, sans mot de passe.
        </p>
      ) : sansMotDePasse ? (
        <p className="mb-4">
          Votre espace n&apos;a pas de mot de passe : pour signer, déconnectez-vous puis choisissez « S&apos;identifier
          avec FranceConnect » ; le mandat se signe alors sans mot de passe pendant 10 minutes.
        </p>
      ) : (
        <PasswordField
          // each answer remounts it empty: a password is never kept, not even in the browser's form
          key={`mot-de-passe-${numero}`}
          name="motDePasse"
          label="Votre mot de passe, pour signer"
          showRule={false}
          autoComplete="current-password"
          error={e.motDePasse}
        />
      )}
      <button type="submit" className="bouton-principal" disabled={pending}>
        {rum ? "Modifier l'IBAN du mandat" : "Signer le mandat"}
      </button>
    </form>
  );
}
