import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import { euros } from "@/lib/argent/argent";
import { LIBELLES_ETAT } from "@/lib/domain/paiement/etat";
import { dateFr, moisEnClair } from "@/lib/temps/periode";
import { dernieresFacturations, facturesDuMois, runFacturation } from "@/lib/domain/facturation/queries";
import { aHabilitationFacturation } from "@/lib/domain/facturation/habilitation";
import { simulerFacturation, type Simulation } from "@/lib/domain/facturation/simulation";
import { Alert } from "@/components/ui/Alert";
import { AppError } from "@/lib/errors";
import { maintenant } from "@/lib/web/horloge";
import { dateDeJour, jourDeDate, jourParis } from "@/lib/temps/jours";
import { simulerFacturationAction } from "./actions";
import { Progression } from "./Progression";
import { SimulationMois } from "./Simulation";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Facturation" };

const MOIS = /^\d{4}-(0[1-9]|1[0-2])$/;
const ETATS_RUN = { EN_COURS: "en cours", TERMINE: "terminée", ECHEC: "échouée" } as const;

// The month's invoicing: simulate a month that is over, read its anomalies, emit its invoices with the counts
// read (agents holding FACTURATION), follow the run (families done / total), then read the month's invoices.
export default async function FacturationPage({
  searchParams,
}: {
  searchParams: Promise<{ mois?: string; run?: string; simulation?: string; page?: string }>;
}) {
  const { agent } = await requireAgent();
  const parametres = await searchParams;
  const now = await maintenant();
  const aujourdhui = jourParis(now);
  const [annee, mois] = aujourdhui.split("-").map(Number);
  const precedent = mois === 1 ? `${annee! - 1}-12` : `${annee}-${String(mois! - 1).padStart(2, "0")}`;
  const choisi = parametres.mois && MOIS.test(parametres.mois) ? parametres.mois : precedent;
  const [runs, run, factures, peutEmettre, simulation] = await Promise.all([
    dernieresFacturations(),
    parametres.run && /^[0-9a-f-]{36}$/.test(parametres.run) ? runFacturation(parametres.run) : null,
    facturesDuMois(dateDeJour(`${choisi}-01`), aujourdhui),
    aHabilitationFacturation(agent.id),
    parametres.simulation === "1" ? simuler(choisi, now) : null,
  ]);
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-2">
          Facturation
        </h1>
        <p className="mb-2">
          Une facture par famille pour les jours du mois (chaque foyer d&apos;une garde alternée pour ses jours), au
          tarif de son quotient familial. Un mois se facture une fois terminé (facturation à terme échu) : simulez-le,
          vérifiez les anomalies, puis émettez les factures.
        </p>
        <p className="mb-4">
          Ce qui change ensuite sur un jour déjà facturé (absence justifiée, présence sans réservation, réservation ou
          annulation, service non assuré, correction du tarif ou du quotient) n&apos;est pas perdu : la différence
          devient une régularisation sur la prochaine facture de la famille.
        </p>
        {run && (
          <Progression
            run={{
              statut: run.statut,
              mois: moisEnClair(jourDeDate(run.mois)),
              familles: run.familles,
              traitees: run.traitees,
              factures: run.factures,
              reportees: run.reportees,
              erreur: run.erreur,
            }}
          />
        )}
        <ActionForm
          action={simulerFacturationAction}
          bouton="Simuler la facturation"
          champs={[{ kind: "texte", name: "mois", label: "Mois à facturer", type: "month", required: true }]}
          valeurs={{ mois: choisi }}
        />
        {simulation && "refus" in simulation && <Alert kind="erreur" title={simulation.refus} />}
      </section>

      {simulation && !("refus" in simulation) && (
        <SimulationMois simulation={simulation} page={Number(parametres.page) || 1} peutEmettre={peutEmettre} />
      )}

      <section className="carte" aria-labelledby="factures-du-mois">
        <h2 id="factures-du-mois" className="mb-2 text-lg font-bold uppercase">
          Factures {de(moisEnClair(`${choisi}-01`))}
        </h2>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="mois-affiche" className="block font-semibold">
              Mois affiché
            </label>
            <input id="mois-affiche" type="month" name="mois" defaultValue={choisi} className="champ" />
          </div>
          <button type="submit" className="bouton-secondaire">
            Afficher
          </button>
        </form>
        {factures.length === 0 ? (
          <p>Aucune facture pour ce mois.</p>
        ) : (
          <>
            <p className="mb-2">
              {factures.length} facture{factures.length > 1 ? "s" : ""}, total{" "}
              {euros(factures.reduce((s, f) => s + f.totalCentimes, 0))}.
            </p>
            <ul className="divide-y divide-stone-200">
              {factures.map((f) => (
                <li key={f.id} className="flex flex-wrap justify-between gap-x-4 py-2">
                  <span>
                    <Link href={`/agent/facturation/factures/${f.numero}`}>{f.numero}</Link> — {f.destinataire} (
                    {f.famille.cleEnfance})
                  </span>
                  <span>
                    {euros(f.totalCentimes)} — {LIBELLES_ETAT[f.etat]} — échéance {dateFr(f.echeanceLe)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="carte" aria-labelledby="historique">
        <h2 id="historique" className="mb-2 text-lg font-bold uppercase">
          Dernières facturations
        </h2>
        {runs.length === 0 ? (
          <p>Aucune facturation lancée.</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {runs.map((r) => (
              <li key={r.id} className="py-2">
                <Link href={`/agent/facturation?mois=${jourDeDate(r.mois).slice(0, 7)}&run=${r.id}`}>
                  {moisEnClair(jourDeDate(r.mois))}
                </Link>{" "}
                — lancée le {dateHeure(r.debut)}, {ETATS_RUN[r.statut]} : {r.traitees}/{r.familles} familles,{" "}
                {r.factures} facture{r.factures > 1 ? "s" : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The simulation of the month in the address, or why it is refused (a month not over, a tariff missing). */
async function simuler(mois: string, now: Date): Promise<Simulation | { refus: string }> {
  try {
    return await simulerFacturation({ mois, now });
  } catch (error) {
    if (error instanceof AppError) return { refus: error.message };
    throw error;
  }
}
