// CRÉER UNE INSCRIPTION: for each child, the activities of the open school year it is not already enrolled in
// (or waiting for); the parent chooses by the school the child goes to. On /inscriptions, and on the suivi of a
// deposited Ajout de famille (its "Inscrire" tab), before the agents accept the family.
import { activitesOffertes } from "@/lib/domain/inscription/catalogue";
import type { Foyer } from "@/lib/domain/inscription/foyer";
import { ActiviteBouton } from "@/components/inscription/ActiviteBouton";

export async function CreerInscription({ foyer, titre }: { foyer: Foyer; titre?: string }) {
  const offre = await activitesOffertes(foyer);
  if (!offre.annee) return <p>Les inscriptions ne sont pas ouvertes pour le moment.</p>;
  return (
    <>
      {titre && <h2 className="mb-2 text-lg font-bold uppercase">{titre}</h2>}
      {foyer.ajoutFamilleId !== null && (
        <p className="mb-4 rounded-md border-l-4 border-sky-700 bg-sky-50 p-3">
          Votre famille est en cours de validation par le service Enfance. Vous pouvez déjà créer les inscriptions de
          vos enfants : elles seront instruites dès que votre famille sera acceptée.
        </p>
      )}
      <p className="mb-6">
        Année scolaire {offre.annee.libelle}. Je choisis l&apos;activité (restauration scolaire ou accueil périscolaire)
        en fonction de l&apos;école dans laquelle est scolarisé mon enfant.
      </p>
      <div className="grid gap-6 sm:grid-cols-2">
        {offre.enfants.map((enfant) => (
          <section key={enfant.id} aria-labelledby={`enfant-${enfant.id}`} className="rounded-md bg-stone-100 p-3">
            <h3 id={`enfant-${enfant.id}`} className="mb-3 text-lg font-bold uppercase">
              {enfant.prenoms}
            </h3>
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
  );
}
