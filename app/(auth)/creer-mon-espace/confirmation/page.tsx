import Link from "next/link";
import { identifiantCree } from "../brouillon-cookie";

export const metadata = { title: "Confirmation de création de votre espace" };

export default async function ConfirmationPage() {
  // a space created with FranceConnect: the identifiant the portal chose for it
  const identifiant = await identifiantCree();
  return (
    <div className="carte">
      <h1 className="titre-page mb-4">Confirmation de création de votre espace</h1>
      <div role="status" className="mb-6 space-y-2">
        <p className="font-bold">Votre espace a bien été créé.</p>
        <p>Vous allez recevoir un message de confirmation par courriel à l&apos;adresse que vous avez indiquée.</p>
        <p>Pour activer votre espace, merci de suivre les instructions de ce message.</p>
        {identifiant && (
          <p>
            Votre identifiant d&apos;utilisateur : <strong className="break-all">{identifiant}</strong>. FranceConnect
            suffit pour vous connecter ; cet identifiant vous servira si vous choisissez un jour un mot de passe («
            J&apos;ai oublié mon mot de passe. » sur la page de connexion).
          </p>
        )}
      </div>
      <Link href="/" className="bouton-principal no-underline">
        Retour à l&apos;accueil
      </Link>
    </div>
  );
}
