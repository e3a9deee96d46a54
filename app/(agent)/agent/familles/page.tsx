import Link from "next/link";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { rechercherFamilles } from "@/lib/domain/famille/queries-agent";

export const metadata = { title: "Familles" };

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

const premier = (value?: string | string[]) => (Array.isArray(value) ? value[0] : value) ?? "";

// A GET form: a search is a link an agent can keep, share or reload, and works without JavaScript.
export default async function FamillesPage({ searchParams }: Props) {
  await requireAgent();
  const params = await searchParams;
  const q = premier(params.q).slice(0, 200);
  const { familles, total, page, pages } = await rechercherFamilles({
    q,
    page: Number.parseInt(premier(params.page), 10) || 1,
  });
  const lienPage = (n: number) => `/agent/familles?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Familles
      </h1>
      <form method="get" action="/agent/familles" role="search" className="mb-6">
        <label htmlFor="q" className="mb-1 block font-semibold">
          Rechercher une famille
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            aria-describedby="q-aide"
            className="champ sm:flex-1"
          />
          <button type="submit" className="bouton-principal">
            Rechercher
          </button>
        </div>
        <p id="q-aide" className="mt-1 text-sm text-stone-700">
          Nom ou prénom d&apos;un représentant ou d&apos;un enfant, ou clé enfance.
        </p>
      </form>

      <p role="status" className="mb-3 font-semibold">
        {total === 0 ? "Aucune famille trouvée." : total === 1 ? "1 famille" : `${total} familles`}
        {q && total > 0 ? ` pour « ${q} »` : ""}
      </p>
      {total > 0 && (
        <p className="mb-3">
          <a href={`/agent/familles/export?${new URLSearchParams(q ? { q } : {})}`} download>
            Exporter ces familles en CSV
          </a>
        </p>
      )}
      {familles.length > 0 && (
        <ul className="divide-y divide-stone-200 border-y border-stone-200">
          {familles.map((famille) => {
            const titulaire = famille.representants.find((r) => r.role === "TITULAIRE");
            const autres = famille.representants.filter((r) => r.role !== "TITULAIRE");
            return (
              <li key={famille.id} className="py-3">
                <Link href={`/agent/familles/${famille.id}`} className="font-bold">
                  Famille {titulaire ? `${titulaire.nomUsage.toUpperCase()} ${titulaire.prenom}` : famille.cleEnfance}
                </Link>
                <p className="text-sm">
                  Clé enfance <span className="font-mono font-semibold">{famille.cleEnfance}</span> — validée le{" "}
                  {formatParis(famille.createdAt, "dd/MM/yyyy")}
                </p>
                {autres.length > 0 && (
                  <p className="text-sm">
                    Co-représentant : {autres.map((r) => `${r.prenom} ${r.nomUsage.toUpperCase()}`).join(", ")}
                  </p>
                )}
                <p className="text-sm">
                  Enfant(s) :{" "}
                  {famille.enfants.map(({ enfant }) => `${enfant.prenoms} ${enfant.nom.toUpperCase()}`).join(", ") ||
                    "aucun"}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Pages de résultats" className="mt-4 flex flex-wrap items-center gap-4">
          {page > 1 && (
            <Link href={lienPage(page - 1)} className="bouton-secondaire no-underline">
              Page précédente
            </Link>
          )}
          <span>
            Page {page} sur {pages}
          </span>
          {page < pages && (
            <Link href={lienPage(page + 1)} className="bouton-secondaire no-underline">
              Page suivante
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
