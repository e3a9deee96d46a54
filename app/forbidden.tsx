import Link from "next/link";

export const metadata = { title: "Accès refusé" };

// Answered with HTTP 403 by forbidden() (lib/auth/current.ts requireAgent("ADMIN")): an agent reaching an
// administrator's page.
export default function Forbidden() {
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Accès refusé
      </h1>
      <p className="mb-6">
        Cette page est réservée aux administrateurs de la console. Si vous pensez devoir y accéder, adressez-vous à
        l&apos;administrateur de votre mairie.
      </p>
      <Link href="/agent" className="bouton-principal no-underline">
        Retour à la console
      </Link>
    </section>
  );
}
