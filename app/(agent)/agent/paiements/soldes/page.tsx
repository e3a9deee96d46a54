import { requireAgent } from "@/lib/auth/current";
import { soldesDesFamilles } from "@/lib/domain/paiement/queries";
import { euros } from "@/lib/argent/argent";
import { NavigationPaiements } from "../Navigation";

export const metadata = { title: "Soldes des familles — Console des agents" };

export default async function SoldesPage() {
  await requireAgent();
  const soldes = await soldesDesFamilles();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Soldes des familles
      </h1>
      <NavigationPaiements courant="/agent/paiements/soldes" />
      <p className="mb-4">
        Facturé (hors factures annulées par un avoir), moins les avoirs de régularisation, moins payé : un solde négatif
        est un avoir de la famille.
      </p>
      {soldes.length === 0 ? (
        <p>Aucune famille n&apos;a encore de facture ni de paiement.</p>
      ) : (
        <div role="region" aria-label="Soldes" tabIndex={0} className="overflow-x-auto">
          <table className="w-full min-w-[38rem] border-collapse text-left">
            <caption className="sr-only">Soldes des familles, le plus élevé d&apos;abord</caption>
            <thead>
              <tr className="border-b-2 border-stone-300">
                <th scope="col" className="p-2">
                  Famille
                </th>
                <th scope="col" className="p-2 text-right">
                  Facturé
                </th>
                <th scope="col" className="p-2 text-right">
                  Avoirs
                </th>
                <th scope="col" className="p-2 text-right">
                  Payé
                </th>
                <th scope="col" className="p-2 text-right">
                  Solde
                </th>
              </tr>
            </thead>
            <tbody>
              {soldes.map((s) => (
                <tr key={s.famille.id} className="border-b border-stone-200">
                  <td className="p-2">
                    {s.nom} ({s.famille.cleEnfance})
                  </td>
                  <td className="p-2 text-right whitespace-nowrap">{euros(s.factureCentimes)}</td>
                  <td className="p-2 text-right whitespace-nowrap">{euros(s.avoirCentimes)}</td>
                  <td className="p-2 text-right whitespace-nowrap">{euros(s.payeCentimes)}</td>
                  <td className="p-2 text-right font-semibold whitespace-nowrap">{euros(s.soldeCentimes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
