import { bornesDuMois, histoireDesJours, ligneHistorique } from "@/lib/domain/reservation/historique";
import { jourEnClair } from "@/lib/temps/jours";

// The month's story under the calendar: for each day × unit that changed, every move with who made it and why,
// so an agent answers « who cancelled the 12th, and when? » or explains an invoice line without the database.
export async function HistoriqueDuMois({
  enfantId,
  mois,
  unites,
}: {
  enfantId: string;
  /** "2026-12" */
  mois: string;
  unites: { id: number; libelle: string }[];
}) {
  const jours = await histoireDesJours({
    portee: { agent: true },
    enfantId,
    uniteIds: unites.map((u) => u.id),
    ...bornesDuMois(mois),
  });
  const libelle = new Map(unites.map((u) => [u.id, u.libelle]));
  return (
    <section className="mt-6" aria-labelledby="historique-du-mois">
      <h2 id="historique-du-mois" className="mb-2 text-lg font-bold uppercase">
        Historique du mois
      </h2>
      {jours.length === 0 ? (
        <p>Aucun changement enregistré ce mois-ci.</p>
      ) : (
        <ul>
          {jours.map((j) => (
            <li key={`${j.jour}|${j.uniteId}`}>
              <details className="mb-2">
                <summary className="cursor-pointer">
                  {jourEnClair(j.jour).replace(/^./, (c) => c.toUpperCase())} — {libelle.get(j.uniteId)} (
                  {j.evenements.length} changement{j.evenements.length > 1 ? "s" : ""})
                </summary>
                <ol className="ml-6 list-decimal">
                  {j.evenements.map((e, i) => (
                    <li key={i}>{ligneHistorique(e)}</li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
