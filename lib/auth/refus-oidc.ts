// The French words of a refused sign-in through FranceConnect or the commune's SSO (lib/auth/oidc.ts sends
// back to the login page with `?erreur=<code>`), apart from the exchange itself: the login page shows them in
// the browser.
/** The French message of a refused FranceConnect sign-in (`?error=` from next-auth, `?erreur=` from us). */
export function messageRefusFranceConnect(code: string): string {
  if (code === "non_active") {
    return "Votre espace n'est pas encore activé : suivez le lien du courriel reçu à sa création, puis reconnectez-vous avec FranceConnect.";
  }
  return "La connexion avec FranceConnect n'a pas abouti : aucune session n'a été ouverte. Réessayez, ou connectez-vous avec votre identifiant et votre mot de passe.";
}

/** The French message of a refused sign-in through the commune's account. */
export function messageRefusSsoAgent(code: string): string {
  if (code === "sso_refuse") {
    return "Aucun compte d'agent actif ne correspond à votre compte de la commune. Adressez-vous à un administrateur du portail.";
  }
  return "La connexion avec le compte de la commune n'a pas abouti : aucune session n'a été ouverte. Réessayez, ou connectez-vous avec votre identifiant.";
}
