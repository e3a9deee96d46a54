import Link from "next/link";

// On Mon accueil, once the family is known: the Enfance démarches of the year.
export function LiensInscription() {
  return (
    <div className="mt-4 flex flex-col gap-3 sm:flex-row">
      <Link href="/inscriptions" className="bouton-principal no-underline">
        Créer une inscription
      </Link>
      <Link href="/mes-documents" className="bouton-secondaire no-underline">
        Mes documents
      </Link>
    </div>
  );
}
