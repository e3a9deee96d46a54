import { anneeOuverte, catalogue } from "@/lib/domain/inscription/catalogue";
import { ouvertureDansLaPhrase } from "@/lib/domain/calendrier/periode";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";

export const metadata = { title: "Activités" };

// Served from the cache (lib/coquille.ts): the opening sentence reads the clock at each regeneration (30 s).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

// ACTIVITÉS: the catalogue parents enrol their children in, with where each takes place and its units.
export default async function ActivitesPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const [activites, annee] = await Promise.all([catalogue(), anneeOuverte()]);
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Activités
      </h1>
      <p className="mb-6">
        {annee
          ? `Les inscriptions pour l'année scolaire ${annee.libelle} sont ouvertes depuis votre espace (Mon accueil > Créer une inscription). Réservation des repas et des présences à la garderie : ${ouvertureDansLaPhrase(annee, new Date())}.`
          : "Les inscriptions ne sont pas ouvertes pour le moment."}
      </p>
      {activites.length === 0 ? (
        <p>Aucune activité n&apos;est proposée pour le moment.</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          {activites.map((activite) => (
            <article
              key={activite.id}
              aria-labelledby={`activite-${activite.id}`}
              className="rounded-md border border-stone-300 p-4"
            >
              <h2 id={`activite-${activite.id}`} className="mb-2 text-lg font-bold">
                {activite.libelle}
              </h2>
              <p className="mb-3">{activite.description}</p>
              <dl className="grid gap-1 text-sm">
                <dt className="font-semibold">Lieux</dt>
                <dd className="mb-2">{activite.lieux.map((l) => l.nom).join(", ") || "—"}</dd>
                {activite.unites.length > 0 && (
                  <>
                    <dt className="font-semibold">Unités</dt>
                    <dd>{activite.unites.map((u) => u.libelle).join(", ")}</dd>
                  </>
                )}
              </dl>
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
