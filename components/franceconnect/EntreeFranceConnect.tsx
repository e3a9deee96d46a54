// What the login page shows above its form: why a FranceConnect sign-in was refused, then the button.
import { Alert } from "@/components/ui/Alert";
import { BoutonFranceConnect } from "@/components/franceconnect/BoutonFranceConnect";
import { messageRefusFranceConnect } from "@/lib/auth/oidc";

export function EntreeFranceConnect({ erreur }: { erreur?: string }) {
  return (
    <>
      {erreur && <Alert kind="erreur" title={messageRefusFranceConnect(erreur)} />}
      <BoutonFranceConnect />
    </>
  );
}
