"use client";
// The login form of both populations: Identifiant, Mot de passe, Connexion; refusals shown above the form,
// the identifiant kept.
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Alert } from "@/components/ui/Alert";
import { AltchaField } from "@/components/ui/AltchaField";
import { CheckboxField, TextField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import type { FormState } from "@/lib/forms";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  suite?: string;
  /** `suite` is read from the page's address in the browser (a page served from the cache) */
  suiteDeLAdresse?: boolean;
  motDePasseOublie?: boolean;
  /** the parents' « Se souvenir de moi sur cet appareil » (opt-in: unticked) */
  seSouvenir?: boolean;
};

/**
 * The hidden `suite` of a login page served from the cache: what the form kept, else the address's (the
 * FranceConnect button's form carries it too).
 */
export function SuiteDeLAdresse({ gardee }: { gardee: string }) {
  const suite = useSearchParams().get("suite");
  return <input type="hidden" name="suite" value={gardee || suite || ""} />;
}

export function LoginForm({ action, suite, suiteDeLAdresse, motDePasseOublie, seSouvenir }: Props) {
  const { state, formAction, pending, formRef, attente } = useFormulaireAction(action, {
    initial: { values: { suite: suite ?? "" }, errors: {} },
    focus: "champ",
  });
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending}>
      {attente}
      {state.message === "non_active" ? (
        <Alert kind="erreur" title="Votre espace n'est pas encore activé.">
          <p>Pour l&apos;activer, suivez le lien du courriel reçu à la création de votre espace.</p>
          <p>
            <Link href="/activation/renvoyer">Renvoyer le lien d&apos;activation</Link>
          </p>
        </Alert>
      ) : (
        state.message && <Alert kind="erreur" title={state.message} />
      )}
      {suiteDeLAdresse ? (
        // rendered by the server without it (the cached page has no address); filled in the browser
        <Suspense fallback={<input type="hidden" name="suite" value={state.values.suite ?? ""} />}>
          <SuiteDeLAdresse gardee={state.values.suite ?? ""} />
        </Suspense>
      ) : (
        <input type="hidden" name="suite" value={state.values.suite ?? ""} />
      )}
      <TextField
        name="identifiant"
        label="Identifiant"
        required
        defaultValue={state.values.identifiant}
        error={state.errors.identifiant}
        autoComplete="username"
      />
      {/* the password never comes back from the server; a button shows it while typing (on a phone above all) */}
      <PasswordField
        name="motDePasse"
        label="Mot de passe"
        showRule={false}
        autoComplete="current-password"
        error={state.errors.motDePasse}
      />
      {/* past the per-address threshold the login asks for the anti-bot check; a fresh one after each try */}
      {(state.values.altchaDemande || state.errors.altcha) && (
        <AltchaField key={JSON.stringify(state)} error={state.errors.altcha} />
      )}
      {seSouvenir && (
        <CheckboxField
          // a new box after each answer: what the form kept is its starting state
          key={JSON.stringify(state.values)}
          name="seSouvenir"
          label="Se souvenir de moi sur cet appareil"
          hint="Vous restez connecté 30 jours sur cet appareil. À ne pas cocher sur un appareil partagé."
          defaultChecked={state.values.seSouvenir === "on"}
        />
      )}
      {motDePasseOublie && (
        <p className="mb-4">
          <Link href="/mot-de-passe-oublie">J&apos;ai oublié mon mot de passe.</Link>
        </p>
      )}
      <button type="submit" className="bouton-principal w-full sm:w-auto" disabled={pending}>
        Connexion
      </button>
    </form>
  );
}
