// A month's simulation as the agent reads it before emitting: the counts, the anomalies by kind, the families
// (anomalies first, a page at a time; the CSV has them all), then « Émettre les factures » with the counts read
// here, or why the agent cannot emit.
import Link from "next/link";
import { Pagination } from "@/components/ui/Pagination";
import { SimpleForm } from "@/components/ui/SimpleForm";
import { euros } from "@/lib/argent/argent";
import type { Ligne } from "@/lib/domain/facturation/calcul";
import { HABILITATION_REQUISE } from "@/lib/domain/facturation/habilitation";
import { moisEnClair } from "@/lib/temps/periode";
import { ANOMALIES, ISSUES, type Simulation, type TypeAnomalie } from "@/lib/domain/facturation/simulation";
import { joursEnClair } from "@/lib/temps/jours";
import { emettreFacturesAction } from "./actions";
import { de } from "@/lib/texte/elision";

export const PAR_PAGE = 50;

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

// a régularisation's libellé already names its day and why (regularisation.ts)
function texteLigne(l: Ligne): string {
  if (l.regularisation) return `${l.enfantNom} — ${l.libelle} : ${euros(l.montantCentimes)}`;
  const jours = l.jours.length > 0 ? ` — ${joursEnClair(l.jours)}` : "";
  return `${l.enfantNom} — ${l.libelle} (${moisEnClair(l.mois)}) : ${l.quantite} × ${euros(l.prixUnitaireCentimes)} = ${euros(l.montantCentimes)}${jours}`;
}

export function SimulationMois({
  simulation,
  page,
  peutEmettre,
}: {
  simulation: Simulation;
  page: number;
  peutEmettre: boolean;
}) {
  const mois = simulation.mois.slice(0, 7);
  const tries = [...simulation.familles].sort(
    (a, b) =>
      Number(b.anomalies.length > 0) - Number(a.anomalies.length > 0) ||
      a.destinataire.localeCompare(b.destinataire, "fr") ||
      a.cleEnfance.localeCompare(b.cleEnfance),
  );
  const pages = Math.max(1, Math.ceil(tries.length / PAR_PAGE));
  const courante = Math.min(Math.max(page, 1), pages);
  const visibles = tries.slice((courante - 1) * PAR_PAGE, courante * PAR_PAGE);
  return (
    <section className="carte" aria-labelledby="simulation">
      <h2 id="simulation" className="mb-2 text-lg font-bold uppercase">
        Simulation {de(moisEnClair(simulation.mois))}
      </h2>
      <p className="mb-2">Rien n&apos;est écrit ni envoyé : voici ce que l&apos;émission produirait maintenant.</p>
      <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[16rem_1fr]">
        <dt className="font-semibold">Factures</dt>
        <dd>{simulation.factures}</dd>
        <dt className="font-semibold">Total des factures</dt>
        <dd>{euros(simulation.totalCentimes)}</dd>
        <dt className="font-semibold">Familles reportées</dt>
        <dd>{simulation.reportees}</dd>
        <dt className="font-semibold">Avoirs de régularisation</dt>
        <dd>
          {simulation.avoirs}
          {simulation.avoirs > 0 && ` (${euros(simulation.avoirsCentimes)})`}
        </dd>
        {(Object.keys(ANOMALIES) as TypeAnomalie[]).map((type) => (
          <div key={type} className="contents">
            <dt className="font-semibold">{ANOMALIES[type]}</dt>
            <dd>{pluriel(simulation.anomalies[type], "famille")}</dd>
          </div>
        ))}
      </dl>
      <p className="mb-4">
        <a href={`/agent/facturation/simulation/export?mois=${mois}`} download>
          Télécharger la simulation (CSV)
        </a>
      </p>

      {tries.length === 0 ? (
        <p className="mb-4">Aucune famille à facturer pour ce mois.</p>
      ) : (
        <>
          <p className="mb-2">
            {tries.length > PAR_PAGE
              ? `Familles ${(courante - 1) * PAR_PAGE + 1} à ${(courante - 1) * PAR_PAGE + visibles.length} sur ${tries.length}, celles qui ont une anomalie d'abord ; le fichier CSV les donne toutes.`
              : `${pluriel(tries.length, "famille")}, celles qui ont une anomalie d'abord.`}
          </p>
          <div role="region" aria-label="Familles de la simulation" tabIndex={0} className="mb-4 overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">Familles de la simulation {de(moisEnClair(simulation.mois))}</caption>
              <thead>
                <tr>
                  <th scope="col">Famille</th>
                  <th scope="col">Résultat</th>
                  <th scope="col">Lignes</th>
                  <th scope="col">Total</th>
                  <th scope="col">Anomalies</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {visibles.map((f) => (
                  <tr key={f.familleId} className="align-top">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <Link href={`/agent/facturation/familles/${f.familleId}`}>{f.destinataire || f.cleEnfance}</Link>{" "}
                      ({f.cleEnfance})
                    </th>
                    <td className="py-2 pr-4">{ISSUES[f.issue]}</td>
                    <td className="py-2 pr-4">
                      <ul>
                        {f.lignes.map((l, i) => (
                          <li key={i}>{texteLigne(l)}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">{euros(f.totalCentimes)}</td>
                    <td className="py-2">
                      {f.anomalies.length === 0 ? (
                        "Aucune"
                      ) : (
                        <ul>
                          {f.anomalies.map((a) => (
                            <li key={a.type}>{a.detail}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={courante}
            pages={pages}
            href={(p) => `/agent/facturation?mois=${mois}&simulation=1&page=${p}`}
          />
        </>
      )}

      <h3 className="mt-6 mb-2 text-lg font-bold">Émettre les factures</h3>
      {peutEmettre ? (
        simulation.factures === 0 ? (
          <p>Aucune facture à émettre pour ce mois.</p>
        ) : (
          <>
            <p className="mb-2">
              Vous confirmez {pluriel(simulation.factures, "facture")} pour un total de{" "}
              {euros(simulation.totalCentimes)} : elles seront numérotées et envoyées aux familles. Si les données
              changent d&apos;ici là, l&apos;émission est refusée et il faut simuler à nouveau.
            </p>
            <SimpleForm
              action={emettreFacturesAction}
              hidden={{
                mois,
                factures: String(simulation.factures),
                totalCentimes: String(simulation.totalCentimes),
              }}
              bouton="Émettre les factures"
            />
          </>
        )
      ) : (
        <p>{HABILITATION_REQUISE}</p>
      )}
    </section>
  );
}
