import Link from "next/link";

export const metadata = { title: "Confirmation de création de votre espace" };

export default function ConfirmationPage() {
  return (
    <div className="carte">
      <h1 className="titre-page mb-4">Confirmation de création de votre espace</h1>
      <div role="status" className="mb-6 space-y-2">
        <p className="font-bold">Votre espace a bien été créé.</p>
        <p>Vous allez recevoir un message de confirmation par courriel à l&apos;adresse que vous avez indiquée.</p>
        <p>Pour activer votre espace, merci de suivre les instructions de ce message.</p>
      </div>
      <Link href="/" className="bouton-principal no-underline">
        Retour à l&apos;accueil
      </Link>
    </div>
  );
}
