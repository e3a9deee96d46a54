"use client";
// The login page's messages that come with its address (the page itself is the same for everyone, served from
// the cache): after a logout, after a password reset, after a refused FranceConnect sign-in, and when the session
// expired (lib/auth/current.ts, requireUsager): that one is brought into view and focused, it says why the parent
// is here.
import { useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { messageRefusFranceConnect } from "@/lib/auth/refus-oidc";

export function MessagesConnexion() {
  const adresse = useSearchParams();
  const erreur = adresse.get("erreur");
  return (
    <>
      {adresse.has("expiree") && (
        <Alert kind="info" reponse title="Votre session a expiré.">
          <p>Connectez-vous pour revenir à la page où vous étiez.</p>
        </Alert>
      )}
      {adresse.has("deconnecte") && <Alert kind="succes" title="Vous êtes déconnecté." />}
      {adresse.has("reinitialise") && (
        <Alert kind="succes" title="Votre mot de passe a été modifié. Connectez-vous avec le nouveau." />
      )}
      {erreur && <Alert kind="erreur" title={messageRefusFranceConnect(erreur)} />}
    </>
  );
}
