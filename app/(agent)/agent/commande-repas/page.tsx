// Commande des repas: for a date, per canteen lieu and unit (Menu Classique, Menu Végétarien), the number of
// meals and the diets, allergens and P.A.I. to plan, without names (what the caterer gets). Opening the page
// freezes every day whose cutoff has passed (figerCommandes) and shows its version, with the difference from
// the previous one after a late change; before the cutoff, the count is provisional. CSV and print.
import "../pointage/impression.css";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { requireAgent } from "@/lib/auth/current";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { commandesDuJour, ecartLigneEnClair, enClair, etatEnClair } from "@/lib/domain/commande-repas/queries";
import { maintenant } from "@/lib/web/horloge";
import { estJour, jourEnClair, jourParis } from "@/lib/temps/jours";
import { BoutonImprimerPage } from "./BoutonImprimerPage";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Commande des repas — Console des agents" };

export default async function CommandeRepasPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const { agent } = await requireAgent();
  const params = await searchParams;
  const now = await maintenant();
  const date = params.date && estJour(params.date) ? params.date : jourParis(now);
  await figerCommandes(now);
  const commandes = await commandesDuJour({ agentId: agent.id, date });
  const titre = `${jourEnClair(date).replace(/^./, (c) => c.toUpperCase())} ${date.slice(0, 4)}`;
  return (
    <div className="carte" data-impression>
      <h1 className="titre-page mb-1">Commande des repas</h1>
      <p className="mb-4 text-lg font-semibold">{titre}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4 print:hidden">
        <div>
          <label htmlFor="date" className="mb-1 block font-semibold">
            Date
          </label>
          <input id="date" name="date" type="date" defaultValue={date} className="champ" />
        </div>
        <button type="submit" className="bouton-principal">
          Afficher
        </button>
      </form>
      {commandes.length === 0 ? (
        <Alert title="Aucun repas ce jour-là." />
      ) : (
        <>
          <div className="mb-6 flex flex-wrap items-center gap-4 print:hidden">
            <a href={`/agent/commande-repas/export?date=${date}`} className="bouton-secondaire" download>
              Télécharger la commande (CSV)
            </a>
            <BoutonImprimerPage />
            <Link href={`/agent/commande-repas/semaine?date=${date}`}>Commande de la semaine</Link>
            <Link href={`/agent/pointage?date=${date}`}>Pointage de ce jour</Link>
          </div>
          {commandes.map((commande) => {
            const id = `commande-${commande.lieuId}`;
            return (
              <section key={commande.lieuId} aria-labelledby={id} className="page-imprimee mb-10">
                <h2 id={id} className="mb-1 text-lg font-bold">
                  {commande.lieu}
                </h2>
                <p className="mb-4 text-sm">{etatEnClair(commande)}</p>
                <div
                  role="region"
                  aria-label={`Commande ${de(commande.lieu)}`}
                  tabIndex={0}
                  className="overflow-x-auto"
                >
                  <table className="w-full border-collapse text-left">
                    <thead>
                      <tr className="border-b-2 border-stone-400">
                        <th scope="col" className="py-2 pr-3">
                          Menu
                        </th>
                        <th scope="col" className="py-2 pr-3">
                          Repas
                        </th>
                        <th scope="col" className="py-2 pr-3">
                          Régimes
                        </th>
                        <th scope="col" className="py-2 pr-3">
                          Allergènes
                        </th>
                        <th scope="col" className="py-2 pr-3">
                          PAI
                        </th>
                        {commande.version !== null && commande.version > 1 && (
                          <th scope="col" className="py-2">
                            Écart avec la version {commande.version - 1}
                          </th>
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {commande.lignes.map((ligne) => (
                        <tr key={ligne.unite} className="border-b border-stone-200 align-top">
                          <th scope="row" className="py-2 pr-3">
                            {ligne.unite}
                          </th>
                          <td className="py-2 pr-3 text-lg font-bold">{ligne.nombre}</td>
                          <td className="py-2 pr-3">{enClair(ligne.regimes) || "—"}</td>
                          <td className="py-2 pr-3">{enClair(ligne.allergenes) || "—"}</td>
                          <td className="py-2 pr-3">{ligne.pai || "—"}</td>
                          {ligne.ecart && <td className="py-2">{ecartLigneEnClair(ligne.ecart)}</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
