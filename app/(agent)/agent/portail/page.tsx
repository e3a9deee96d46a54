// The portal's pages, kept by the agents: ACTUALITÉS, DOCUMENTS UTILES and INFOS PRATIQUES, shown to every
// visitor on the public pages of the same names.
import Link from "next/link";
import { requireAgent } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import { documentsUtiles, infosPratiques, toutesLesActualites } from "@/lib/domain/portail/queries";
import { CATEGORIES_DOCUMENT } from "@/lib/domain/portail/schemas";
import { tailleLisible } from "@/lib/domain/portail/taille";
import { changerPublicationAction, retirerDocumentUtileAction, supprimerActualiteAction } from "./actions";
import { ActualiteForm, DocumentUtileForm, InfosPratiquesForm } from "./PortailForms";

export const metadata = { title: "Pages du portail" };

const TITRE_SECTION = "mb-4 text-lg font-bold uppercase text-marque-fonce";

export default async function PortailPage() {
  await requireAgent();
  const [actualites, documents, infos] = await Promise.all([
    toutesLesActualites(),
    documentsUtiles(),
    infosPratiques(),
  ]);
  return (
    <div>
      <h1 className="titre-page mb-6">Pages du portail</h1>

      <section aria-labelledby="actualites" className="carte mb-6">
        <h2 id="actualites" className={TITRE_SECTION}>
          Actualités
        </h2>
        {actualites.length === 0 ? (
          <p className="mb-4">Aucune actualité.</p>
        ) : (
          <ul className="mb-6 divide-y divide-stone-200 border-y border-stone-200">
            {actualites.map((a) => (
              <li key={a.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-semibold">{a.titre}</p>
                  <p className="text-sm">{a.publieeLe ? `Publiée le ${dateHeure(a.publieeLe)}` : "Brouillon"}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/agent/portail/actualites/${a.id}`} className="underline">
                    Modifier<span className="sr-only"> : {a.titre}</span>
                  </Link>
                  <form action={changerPublicationAction}>
                    <input type="hidden" name="id" value={a.id} />
                    <input type="hidden" name="publier" value={a.publieeLe ? "non" : "oui"} />
                    <button type="submit" className="bouton-secondaire">
                      {a.publieeLe ? "Repasser en brouillon" : "Publier"}
                      <span className="sr-only"> : {a.titre}</span>
                    </button>
                  </form>
                  <form action={supprimerActualiteAction}>
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" className="bouton-discret">
                      Supprimer<span className="sr-only"> : {a.titre}</span>
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-2 font-bold">Nouvelle actualité</h3>
        <ActualiteForm />
      </section>

      <section aria-labelledby="documents" className="carte mb-6">
        <h2 id="documents" className={TITRE_SECTION}>
          Documents utiles
        </h2>
        <p className="mb-4">
          Le règlement intérieur en vigueur (Paramétrage) est toujours proposé ; ajoutez ici sa version PDF, les menus
          et les formulaires.
        </p>
        {documents.length === 0 ? (
          <p className="mb-4">Aucun document publié.</p>
        ) : (
          <ul className="mb-6 divide-y divide-stone-200 border-y border-stone-200">
            {documents.map((d) => (
              <li key={d.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <a href={`/api/documents-utiles/${d.id}`} className="font-semibold underline">
                    {d.titre}
                  </a>
                  <p className="text-sm">
                    {CATEGORIES_DOCUMENT[d.categorie]} · {tailleLisible(d.taille)} · publié le {dateHeure(d.publieLe)}
                  </p>
                </div>
                <form action={retirerDocumentUtileAction}>
                  <input type="hidden" name="id" value={d.id} />
                  <button type="submit" className="bouton-discret">
                    Retirer<span className="sr-only"> : {d.titre}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-2 font-bold">Nouveau document</h3>
        <DocumentUtileForm />
      </section>

      <section aria-labelledby="activites" className="carte mb-6">
        <h2 id="activites" className={TITRE_SECTION}>
          Activités
        </h2>
        <p className="mb-2">
          Le catalogue de la page ACTIVITÉS : description de chaque activité, lieux, groupes, unités et pièces
          demandées, et l&apos;ouverture des inscriptions.
        </p>
        <Link href="/agent/portail/activites" className="underline">
          Modifier les activités
        </Link>
      </section>

      <section aria-labelledby="infos" className="carte mb-6">
        <h2 id="infos" className={TITRE_SECTION}>
          Infos pratiques
        </h2>
        <InfosPratiquesForm initial={infos} />
      </section>
    </div>
  );
}
