"use client";
// The login page's messages that come with its address (the page itself is the same for everyone, served from
// the cache): after a logout, after a password reset, after a refused FranceConnect sign-in.
import { useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/Alert";
import { messageRefusFranceConnect } from "@/lib/auth/refus-oidc";

export function MessagesConnexion() {
  const adresse = useSearchParams();
  const erreur = adresse.get("erreur");
  return (
    <>
      {adresse.has("deconnecte") && <Alert kind="succes" title="Vous êtes déconnecté." />}
      {adresse.has("reinitialise") && (
        <Alert kind="succes" title="Votre mot de passe a été modifié. Connectez-vous avec le nouveau." />
      )}
      {erreur && <Alert kind="erreur" title={messageRefusFranceConnect(erreur)} />}
    </>
  );
}
