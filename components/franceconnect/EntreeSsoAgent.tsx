// The agents' login page, above its form: why a sign-in through the commune's account was refused, and the
// button "Se connecter avec le compte de la commune" (a plain form, lib/auth/oidc.ts), when the SSO is set up.
import { Ou } from "@/components/franceconnect/Ou";
import { Alert } from "@/components/ui/Alert";
import { config } from "@/lib/config";
import { messageRefusSsoAgent } from "@/lib/auth/refus-oidc";

export function EntreeSsoAgent({ erreur }: { erreur?: string }) {
  return (
    <>
      {erreur && <Alert kind="erreur" title={messageRefusSsoAgent(erreur)} />}
      {config.agentOidc && (
        <div className="mb-4">
          <form method="post" action="/api/auth/signin/agents">
            <button type="submit" className="bouton-principal w-full sm:w-auto">
              Se connecter avec le compte de la commune
            </button>
          </form>
          <Ou />
        </div>
      )}
    </>
  );
}
