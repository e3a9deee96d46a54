import Link from "next/link";
import { SelectField, TextField } from "@/components/ui/Field";
import { Pagination } from "@/components/ui/Pagination";
import { requireAgent } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import { libelleDemande } from "@/lib/domain/demarches";
import { ACTIONS, agentsDuJournal, lireFiltresJournal, rechercherJournal } from "@/lib/domain/journal/queries";

export const metadata = { title: "Journal — Console des agents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Who did what, for the commune's security reviews: every agent action, agent login and read of health data, and
// what the system did on its own, each entry as a sentence with links to what it names. Administrators only. A
// GET form: the URL is the filter (agent, action, family, days), and the CSV export link carries the same one.
export default async function JournalPage({ searchParams }: Props) {
  await requireAgent("ADMIN");
  const [{ filtres, valeurs, erreurs, refuse }, agents] = await Promise.all([
    lireFiltresJournal(await searchParams),
    agentsDuJournal(),
  ]);
  const resultat = refuse ? null : await rechercherJournal(filtres, libelleDemande);
  const requete = (extra: Record<string, string>) =>
    new URLSearchParams(Object.entries({ ...valeurs, ...extra }).filter(([, v]) => v)).toString();
  const optionsAgents = Object.fromEntries(
    agents.map((a) => [a.id, `${a.prenom} ${a.nom.toUpperCase()}${a.active ? "" : " (désactivé)"}`]),
  );
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-4">
          Journal
        </h1>
        <p className="mb-4">
          Les actions des agents, leurs connexions, chaque lecture d&apos;un dossier santé et ce que le portail fait de
          lui-même, la plus récente d&apos;abord.
        </p>
        <form
          method="get"
          action="/agent/journal"
          role="search"
          aria-label="Filtrer le journal"
          className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3"
        >
          <SelectField
            name="agent"
            label="Agent"
            options={optionsAgents}
            placeholder="Tous les agents"
            defaultValue={valeurs.agent}
          />
          <SelectField
            name="action"
            label="Action"
            options={ACTIONS}
            placeholder="Toutes les actions"
            defaultValue={valeurs.action}
            error={erreurs.action}
          />
          <TextField
            name="famille"
            label="Famille (clé enfance ou nom)"
            defaultValue={valeurs.famille}
            error={erreurs.famille}
            autoComplete="off"
          />
          <TextField name="du" label="Du" type="date" defaultValue={valeurs.du} error={erreurs.du} />
          <TextField name="au" label="Au" type="date" defaultValue={valeurs.au} error={erreurs.au} />
          <div className="col-span-full flex flex-wrap items-center gap-4">
            <button type="submit" className="bouton-principal">
              Filtrer
            </button>
            <Link href="/agent/journal">Effacer les filtres</Link>
            {!refuse && (
              <a href={`/agent/journal/export?${requete({})}`} download>
                Exporter en CSV
              </a>
            )}
          </div>
        </form>
      </section>

      {resultat && (
        <section className="carte" aria-labelledby="resultats">
          <h2 id="resultats" className="mb-4 text-lg font-bold uppercase" aria-live="polite">
            {resultat.total === 0 ? "Aucune entrée" : resultat.total === 1 ? "1 entrée" : `${resultat.total} entrées`}
            {resultat.pages > 1 && ` — page ${resultat.page} sur ${resultat.pages}`}
          </h2>
          {resultat.entrees.length === 0 ? (
            <p>Aucune entrée ne correspond à ces critères.</p>
          ) : (
            <div role="region" aria-label="Entrées du journal" tabIndex={0} className="mb-4 overflow-x-auto">
              <table className="w-full min-w-[44rem] border-collapse text-left">
                <caption className="sr-only">Entrées du journal, la plus récente d&apos;abord</caption>
                <thead>
                  <tr className="border-b-2 border-stone-300">
                    <th scope="col" className="p-2">
                      Date
                    </th>
                    <th scope="col" className="p-2">
                      Agent
                    </th>
                    <th scope="col" className="p-2">
                      Action
                    </th>
                    <th scope="col" className="p-2">
                      Détail
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {resultat.entrees.map((entree) => (
                    <tr key={entree.cle} className="border-b border-stone-200 align-top">
                      <td className="p-2 whitespace-nowrap">{dateHeure(entree.quand)}</td>
                      <td className="p-2">{entree.agent ?? "—"}</td>
                      <td className="p-2">{entree.libelle}</td>
                      <td className="p-2">
                        <p>{entree.phrase}</p>
                        {entree.liens.length > 0 && (
                          <ul className="mt-1 flex flex-wrap gap-x-4 text-sm" aria-label="Voir">
                            {entree.liens.map((lien) => (
                              <li key={lien.href}>
                                <Link href={lien.href}>{lien.texte}</Link>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={resultat.page}
            pages={resultat.pages}
            href={(p) => `/agent/journal?${requete({ page: String(p) })}`}
          />
        </section>
      )}
    </div>
  );
}
