import Link from "next/link";
import { formatParis } from "@/lib/temps/dates";
import { documentsUtiles } from "@/lib/domain/portail/queries";
import { CATEGORIES_DOCUMENT, type CategorieDocument, DOCUMENT_UTILE_RULE } from "@/lib/domain/portail/schemas";
import { tailleLisible } from "@/lib/domain/portail/taille";
import { aucunCheminALAvance, type ParamsDeCoquille, sansSousChemin } from "@/lib/coquille";

export const metadata = { title: "Documents utiles" };

// Served from the cache (lib/coquille.ts).
export const revalidate = 30;
export const dynamicParams = true;
export const generateStaticParams = aucunCheminALAvance;

export default async function DocumentsUtilesPage(props: ParamsDeCoquille) {
  await sansSousChemin(props);
  const documents = await documentsUtiles();
  return (
    <section aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Documents utiles
      </h1>
      {(Object.keys(CATEGORIES_DOCUMENT) as CategorieDocument[]).map((categorie) => {
        const liste = documents.filter((d) => d.categorie === categorie);
        const id = `categorie-${categorie}`;
        return (
          <section key={categorie} aria-labelledby={id} className="carte mb-4">
            <h2 id={id} className="mb-2 text-lg font-bold uppercase text-marque-fonce">
              {CATEGORIES_DOCUMENT[categorie]}
            </h2>
            <ul className="space-y-2">
              {categorie === "REGLEMENT" && (
                <li>
                  <Link href="/reglement-interieur" className="underline">
                    Règlement intérieur (à lire en ligne)
                  </Link>
                </li>
              )}
              {liste.map((d) => (
                <li key={d.id}>
                  <a href={`/api/documents-utiles/${d.id}`} className="underline" download>
                    {d.titre}
                  </a>{" "}
                  <span className="text-sm text-stone-700">
                    ({DOCUMENT_UTILE_RULE.types[d.type] ?? "fichier"}, {tailleLisible(d.taille)}, publié le{" "}
                    {formatParis(d.publieLe, "dd/MM/yyyy")})
                  </span>
                </li>
              ))}
              {categorie !== "REGLEMENT" && liste.length === 0 && <li>Aucun document pour le moment.</li>}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
