import { formatParis } from "@/lib/temps/dates";
import { actualitesPubliees } from "@/lib/domain/portail/queries";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";

export const metadata = { title: "Actualités" };

// Served from the cache (lib/coquille.ts).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

export default async function ActualitesPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const actualites = await actualitesPubliees();
  return (
    <section aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Actualités
      </h1>
      {actualites.length === 0 ? (
        <p className="carte">Aucune actualité n&apos;est publiée pour le moment.</p>
      ) : (
        <ul className="space-y-4">
          {actualites.map((a) => (
            <li key={a.id}>
              <article className="carte" aria-labelledby={`actualite-${a.id}`}>
                <h2 id={`actualite-${a.id}`} className="text-lg font-bold text-marque-fonce">
                  {a.titre}
                </h2>
                <p className="mb-2 text-sm text-stone-700">Publiée le {formatParis(a.publieeLe!, "dd/MM/yyyy")}</p>
                <p className="whitespace-pre-line">{a.texte}</p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
