import Link from "next/link";
import { requireUsager } from "@/lib/auth/current";
import { familleDuUsager } from "@/lib/domain/famille/queries";
import { activitesOffertes } from "@/lib/domain/inscription/catalogue";
import { ActiviteBouton } from "./ActiviteBouton";

export const metadata = { title: "Créer une inscription" };

// CRÉER UNE INSCRIPTION: for each child, the activities of the open school year it is not already enrolled
// in (or waiting for); the parent chooses by the school the child goes to.
export default async function CreerInscriptionPage() {
  const { usager } = await requireUsager("/inscriptions");
  const famille = await familleDuUsager(usager.id);
  const offre = famille ? await activitesOffertes(famille.id) : null;
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Créer une inscription
      </h1>
      {!famille ? (
        <p>
          Votre famille doit d&apos;abord être validée par le service Enfance :{" "}
          <Link href="/famille/declarer">déclarer ma famille</Link>.
        </p>
      ) : !offre?.annee ? (
        <p>Les inscriptions ne sont pas ouvertes pour le moment.</p>
      ) : (
        <>
          <p className="mb-6">
            Année scolaire {offre.annee.libelle}. Je choisis l&apos;activité (restauration scolaire ou accueil
            périscolaire) en fonction de l&apos;école dans laquelle est scolarisé mon enfant.
          </p>
          <div className="grid gap-6 sm:grid-cols-2">
            {offre.enfants.map((enfant) => (
              <section key={enfant.id} aria-labelledby={`enfant-${enfant.id}`} className="rounded-md bg-stone-100 p-3">
                <h2 id={`enfant-${enfant.id}`} className="mb-3 text-lg font-bold uppercase">
                  {enfant.prenoms}
                </h2>
                {enfant.activites.length === 0 ? (
                  <p>Toutes les inscriptions de l&apos;année sont demandées.</p>
                ) : (
                  <ul className="space-y-2">
                    {enfant.activites.map((activite) => (
                      <li key={activite.id}>
                        <ActiviteBouton
                          enfantId={enfant.id}
                          enfant={enfant.prenoms}
                          activiteId={activite.id}
                          libelle={activite.libelle}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
      <p className="mt-6">
        <Link href="/mon-espace">Retour à mon accueil</Link>
      </p>
    </section>
  );
}
