import { requireAgent } from "@/lib/auth/current";
import { euros } from "@/lib/argent/argent";
import { dateFr, finDuMois, moisEnClair } from "@/lib/temps/periode";
import { moisDuRapprochement, rapprochementDuMois } from "@/lib/domain/paiement/rapprochement";
import { LIBELLES_MODE } from "@/lib/domain/paiement/modes";
import { ajouterJours, dateDeJour, jourParis } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";
import { NavigationPaiements } from "../Navigation";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Rapprochement du mois — Console des agents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const nombre = (n: number, un: string, plusieurs: string) => `${n} ${n <= 1 ? un : plusieurs}`;

/** A figure's row: its label, its count (where it has one) and its amount. */
function Ligne({ libelle, n, centimes, fort }: { libelle: string; n?: string; centimes: number; fort?: boolean }) {
  return (
    <tr className={`border-b border-stone-200 ${fort ? "font-bold" : ""}`}>
      <th scope="row" className="p-2 font-normal">
        {fort ? <strong>{libelle}</strong> : libelle}
      </th>
      <td className="p-2 text-right whitespace-nowrap">{n ?? ""}</td>
      <td className="p-2 text-right whitespace-nowrap">{euros(centimes)}</td>
    </tr>
  );
}

// The month's reconciliation for the régisseur: invoiced, avoirs, cashed by mode, and the accounts at the month's
// start and end, which the first three explain. Any agent of the console reads it, like the treasurer's exports.
export default async function RapprochementPage({ searchParams }: Props) {
  await requireAgent();
  const now = await maintenant();
  const mois = moisDuRapprochement((await searchParams).mois, now);
  const r = await rapprochementDuMois(mois, now);
  const veille = dateFr(dateDeJour(ajouterJours(r.mois, -1)));
  const au = dateFr(dateDeJour(r.au));
  const solde = (c: { resteDuCentimes: number; creditsCentimes: number }) => c.resteDuCentimes - c.creditsCentimes;
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Rapprochement du mois
      </h1>
      <NavigationPaiements courant="/agent/paiements/rapprochement" />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="mois" className="mb-1 block font-semibold">
            Mois
          </label>
          <input
            id="mois"
            name="mois"
            type="month"
            defaultValue={mois.slice(0, 7)}
            max={jourParis(now).slice(0, 7)}
            className="champ"
          />
        </div>
        <button type="submit" className="bouton-principal">
          Afficher
        </button>
      </form>
      <p className="mb-4">
        Factures et avoirs à leur date d&apos;émission, paiements à leur date de réception.
        {r.au !== finDuMois(r.mois) && <> Le mois est en cours : ses chiffres sont arrêtés au {au}.</>}
      </p>
      <div role="region" aria-label="Rapprochement" tabIndex={0} className="mb-4 overflow-x-auto">
        <table className="w-full min-w-[30rem] border-collapse text-left">
          <caption className="mb-2 text-left text-lg font-bold">{moisEnClair(r.mois)}</caption>
          <thead>
            <tr className="border-b-2 border-stone-300">
              <th scope="col" className="p-2">
                Rubrique
              </th>
              <th scope="col" className="p-2 text-right">
                Nombre
              </th>
              <th scope="col" className="p-2 text-right">
                Montant
              </th>
            </tr>
          </thead>
          <tbody>
            <Ligne libelle={`Reste dû sur les factures au ${veille}`} centimes={r.debut.resteDuCentimes} />
            <Ligne libelle={`Avoirs détenus par les familles au ${veille}`} centimes={r.debut.creditsCentimes} />
            <Ligne
              libelle="Factures émises"
              n={nombre(r.factures.nombre, "facture", "factures")}
              centimes={r.factures.totalCentimes}
            />
            <Ligne
              libelle="Avoirs émis"
              n={nombre(r.avoirs.nombre, "avoir", "avoirs")}
              centimes={r.avoirs.totalCentimes}
            />
            {r.encaisse.map((e) => (
              <Ligne
                key={e.mode}
                libelle={`Encaissé — ${LIBELLES_MODE[e.mode]}`}
                n={nombre(e.nombre, "paiement", "paiements")}
                centimes={e.totalCentimes}
              />
            ))}
            <Ligne
              libelle="Encaissé — total"
              n={nombre(r.encaisseNombre, "paiement", "paiements")}
              centimes={r.encaisseCentimes}
              fort
            />
            <Ligne libelle={`Reste dû sur les factures au ${au}`} centimes={r.fin.resteDuCentimes} fort />
            <Ligne libelle={`Avoirs détenus par les familles au ${au}`} centimes={r.fin.creditsCentimes} fort />
          </tbody>
        </table>
      </div>
      <p className="mb-4">
        Contrôle : solde des comptes au {veille} ({euros(solde(r.debut))}) + factures ({euros(r.factures.totalCentimes)}
        ) − avoirs ({euros(r.avoirs.totalCentimes)}) − encaissé ({euros(r.encaisseCentimes)}) = solde au {au} (
        {euros(solde(r.fin))}), le reste dû moins les avoirs détenus.
      </p>
      <p>
        <a href={`/agent/paiements/rapprochement/export?mois=${r.mois.slice(0, 7)}`} download>
          Télécharger le rapprochement {de(moisEnClair(r.mois))} (CSV)
        </a>
      </p>
    </section>
  );
}
