// Commande des repas, the week: per canteen lieu, each opening day of the week × menu, the number of meals and
// the diets, allergens and P.A.I. to plan (counts, never names), each day in the state its day view shows
// (frozen version or provisional count); the week's total per menu; the lieu's week as a CSV; the previous and
// next weeks. Opening the page freezes every day whose cutoff has passed, as the day view does.
import "../../pointage/impression.css";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { requireAgent } from "@/lib/auth/current";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { enClair, etatEnClair } from "@/lib/domain/commande-repas/queries";
import { commandesDeLaSemaine, type SemaineLieu } from "@/lib/domain/commande-repas/semaine";
import { maintenant } from "@/lib/web/horloge";
import { ajouterJours, estJour, jourEnClair, jourParis } from "@/lib/temps/jours";
import { BoutonImprimerPage } from "../BoutonImprimerPage";

export const metadata = { title: "Commande des repas de la semaine — Console des agents" };

const CELLULE = "py-2 pr-3";

function TableSemaine({ lieu }: { lieu: SemaineLieu }) {
  const totaux = new Map<string, number>();
  for (const { commande } of lieu.jours)
    for (const l of commande.lignes) totaux.set(l.unite, (totaux.get(l.unite) ?? 0) + l.nombre);
  return (
    <div role="region" aria-label={`Commande de la semaine, ${lieu.lieu}`} tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-stone-400">
            {["Jour", "Menu", "Repas", "Régimes", "Allergènes", "PAI"].map((titre) => (
              <th key={titre} scope="col" className={CELLULE}>
                {titre}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lieu.jours.flatMap(({ date, commande }) =>
            commande.lignes.map((ligne, i) => (
              <tr key={`${date}-${ligne.unite}`} className="border-b border-stone-200 align-top">
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={commande.lignes.length} className={CELLULE}>
                    <Link href={`/agent/commande-repas?date=${date}`}>{jourEnClair(date)}</Link>
                    <span className="block text-sm font-normal">{etatEnClair(commande)}</span>
                  </th>
                )}
                <th scope="row" className={CELLULE}>
                  {ligne.unite}
                </th>
                <td className={`${CELLULE} text-lg font-bold`}>{ligne.nombre}</td>
                <td className={CELLULE}>{enClair(ligne.regimes) || "—"}</td>
                <td className={CELLULE}>{enClair(ligne.allergenes) || "—"}</td>
                <td className={CELLULE}>{ligne.pai || "—"}</td>
              </tr>
            )),
          )}
        </tbody>
        <tfoot>
          {[...totaux].map(([unite, total], i) => (
            <tr key={unite} className={i === 0 ? "border-t-2 border-stone-400" : undefined}>
              <th scope="row" colSpan={2} className={CELLULE}>
                Total de la semaine, {unite}
              </th>
              <td className={`${CELLULE} font-bold`}>{total}</td>
              <td colSpan={3} />
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}

export default async function CommandeSemainePage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const { agent } = await requireAgent();
  const params = await searchParams;
  const now = await maintenant();
  const jour = params.date && estJour(params.date) ? params.date : jourParis(now);
  await figerCommandes(now);
  const { lundi, dimanche, lieux } = await commandesDeLaSemaine({ agentId: agent.id, jour });
  const titre = `Semaine du ${jourEnClair(lundi)} au ${jourEnClair(dimanche)} ${dimanche.slice(0, 4)}`;
  return (
    <div className="carte" data-impression>
      <h1 className="titre-page mb-1">Commande des repas de la semaine</h1>
      <p className="mb-4 text-lg font-semibold">{titre}</p>
      <nav aria-label="Semaines" className="mb-4 flex flex-wrap gap-4 print:hidden">
        <Link href={`?date=${ajouterJours(lundi, -7)}`}>Semaine précédente</Link>
        <Link href={`?date=${ajouterJours(lundi, 7)}`}>Semaine suivante</Link>
        <Link href={`/agent/commande-repas?date=${jour}`}>Commande du jour</Link>
      </nav>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4 print:hidden">
        <div>
          <label htmlFor="date" className="mb-1 block font-semibold">
            Un jour de la semaine
          </label>
          <input id="date" name="date" type="date" defaultValue={jour} className="champ" />
        </div>
        <button type="submit" className="bouton-principal">
          Afficher
        </button>
      </form>
      {lieux.length === 0 ? (
        <Alert title="Aucun repas cette semaine." />
      ) : (
        <>
          <div className="mb-6 print:hidden">
            <BoutonImprimerPage />
          </div>
          {lieux.map((lieu) => {
            const id = `semaine-${lieu.lieuId}`;
            return (
              <section key={lieu.lieuId} aria-labelledby={id} className="page-imprimee mb-10">
                <h2 id={id} className="mb-2 text-lg font-bold">
                  {lieu.lieu}
                </h2>
                <p className="mb-4 print:hidden">
                  <a
                    href={`/agent/commande-repas/semaine/export?date=${lundi}&lieu=${lieu.lieuId}`}
                    className="bouton-secondaire"
                    download
                  >
                    Télécharger la semaine (CSV)<span className="sr-only"> : {lieu.lieu}</span>
                  </a>
                </p>
                <TableSemaine lieu={lieu} />
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}
