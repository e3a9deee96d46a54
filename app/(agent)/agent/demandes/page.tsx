import Link from "next/link";
import { TableDemandes } from "@/components/demande/TableDemandes";
import { SelectField, TextField } from "@/components/ui/Field";
import { Pagination } from "@/components/ui/Pagination";
import { requireAgent } from "@/lib/auth/current";
import { lireFiltres, rechercherDemandes, STATUTS_VISIBLES } from "@/lib/domain/demande/queries-console";
import { LIBELLES_STATUT } from "@/lib/domain/demande/transitions";
import { DEMARCHES } from "@/lib/domain/demarches";

export const metadata = { title: "Demandes — Console des agents" };

const OPTIONS_TYPE = Object.fromEntries(Object.entries(DEMARCHES).map(([type, def]) => [type, def.libelle]));
const OPTIONS_STATUT = Object.fromEntries(STATUTS_VISIBLES.map((s) => [s, LIBELLES_STATUT[s]]));

// Every deposited demande, filtered by a GET form: the URL is the filter, so it can be bookmarked and shared.
export default async function DemandesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAgent();
  const { filtres, valeurs, erreurs } = lireFiltres(await searchParams, DEMARCHES);
  const { demandes, total, page, pages } = await rechercherDemandes(filtres);
  const exportQuery = new URLSearchParams(Object.entries(valeurs).filter(([cle, v]) => v && cle !== "page"));
  const href = (p: number) => {
    const query = new URLSearchParams(Object.entries({ ...valeurs, page: String(p) }).filter(([, v]) => v));
    return `/agent/demandes?${query}`;
  };
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-4">
          Demandes
        </h1>
        <form
          method="get"
          action="/agent/demandes"
          role="search"
          aria-label="Rechercher des demandes"
          className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3"
        >
          <div className="sm:col-span-2 lg:col-span-3">
            <TextField
              name="q"
              label="Rechercher"
              type="search"
              defaultValue={valeurs.q}
              hint="Numéro de demande, nom ou prénom (demandeur ou personne déclarée), clé enfance."
            />
          </div>
          <SelectField
            name="type"
            label="Type"
            options={OPTIONS_TYPE}
            placeholder="Tous les types"
            defaultValue={valeurs.type}
          />
          <SelectField
            name="statut"
            label="État"
            options={OPTIONS_STATUT}
            placeholder="Tous les états"
            defaultValue={valeurs.statut}
          />
          <div className="grid grid-cols-2 gap-x-4 sm:col-span-2 lg:col-span-1">
            <TextField name="du" label="Déposée du" type="date" defaultValue={valeurs.du} error={erreurs.du} />
            <TextField name="au" label="au" type="date" defaultValue={valeurs.au} error={erreurs.au} />
          </div>
          <div className="flex flex-wrap items-center gap-4 sm:col-span-2 lg:col-span-3">
            <button type="submit" className="bouton-principal">
              Rechercher
            </button>
            <Link href="/agent/demandes">Effacer les filtres</Link>
            {Object.keys(erreurs).length === 0 && (
              <a href={`/agent/demandes/export?${exportQuery}`} download>
                Exporter ces demandes en CSV
              </a>
            )}
          </div>
        </form>
      </section>

      <section className="carte" aria-labelledby="resultats">
        <h2 id="resultats" className="mb-4 text-lg font-bold uppercase" aria-live="polite">
          {total === 0 ? "Aucune demande" : total === 1 ? "1 demande" : `${total} demandes`}
          {pages > 1 && ` — page ${page} sur ${pages}`}
        </h2>
        <TableDemandes
          demandes={demandes}
          legende="Demandes trouvées, la plus récente d'abord"
          vide="Aucune demande ne correspond à ces critères."
        />
        <Pagination page={page} pages={pages} href={href} />
      </section>
    </div>
  );
}
