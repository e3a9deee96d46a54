import Link from "next/link";

export const metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Page introuvable
      </h1>
      <p className="mb-6">La page demandée n&apos;existe pas, ou vous n&apos;y avez pas accès.</p>
      <Link href="/" className="bouton-principal no-underline">
        Retour à l&apos;accueil
      </Link>
    </section>
  );
}
