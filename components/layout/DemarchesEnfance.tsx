import Link from "next/link";

// "ACCÉDER AUX DÉMARCHES ENFANCE", as the seed shows it after activation and on Mon accueil while the space
// has no family yet; once a declaration is deposited, where it stands.
export function DemarchesEnfance({
  brouillon = false,
  enAttente = null,
}: {
  brouillon?: boolean;
  enAttente?: number | null;
}) {
  return (
    <section className="carte" aria-labelledby="enfance">
      <h2 id="enfance" className="mb-2 text-lg font-bold uppercase">
        Accéder aux démarches Enfance
      </h2>
      <p>Vous avez la possibilité d&apos;accéder aux démarches Enfance.</p>
      {enAttente ? (
        <>
          <p className="mb-4">
            Votre demande d&apos;ajout de famille N° {enAttente} est en cours de traitement par les agents de la mairie.
          </p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Link href={`/demandes/${enAttente}?onglet=inscrire`} className="bouton-principal no-underline">
              Créer des inscriptions
            </Link>
            <Link href={`/demandes/${enAttente}`} className="bouton-secondaire no-underline">
              Suivre ma demande N° {enAttente}
            </Link>
          </div>
        </>
      ) : (
        <>
          <p className="mb-4">Votre famille est inconnue du service Enfance.</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Link href="/famille/declarer" className="bouton-principal no-underline">
              {brouillon ? "Reprendre la déclaration de ma famille" : "Déclarer ma famille"}
            </Link>
            <Link href="/mon-profil" className="bouton-secondaire no-underline">
              Accéder à mon profil
            </Link>
          </div>
        </>
      )}
    </section>
  );
}
