// The requests per unit and the allocation's journal in the console (ClassementFenetre): per unit, each child in rank order with their
// family, points, criteria met, draw, and the days obtained or on the waiting list. Agents only: it names
// children. Scrolls sideways on a phone rather than squeezing its columns.
import Link from "next/link";
import type { FenetreConsole } from "@/lib/domain/fenetre/queries";

export function JournalFenetre({ lignes }: { lignes: FenetreConsole["journal"] }) {
  return (
    <section aria-labelledby="journal">
      <h2 id="journal" className="mb-2 text-lg font-bold">
        Classement et tirage
      </h2>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Classement et tirage, tableau défilant">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              {[
                "Unité",
                "Rang",
                "Enfant",
                "Famille",
                "Points",
                "Critères",
                "Tirage",
                "Jours obtenus",
                "En liste d'attente",
              ].map((titre) => (
                <th key={titre} scope="col" className="py-2 pr-3">
                  {titre}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lignes.map((l) => (
              <tr key={l.id} className="border-b border-stone-200">
                <td className="py-2 pr-3">{l.unite}</td>
                <td className="py-2 pr-3">{l.rang}</td>
                <td className="py-2 pr-3">{l.enfant}</td>
                <td className="py-2 pr-3">
                  <Link href={`/agent/familles/${l.familleId}`}>{l.famille}</Link>
                </td>
                <td className="py-2 pr-3">{l.points}</td>
                <td className="py-2 pr-3">{l.criteres.join(", ") || "aucun"}</td>
                <td className="py-2 pr-3 font-mono">{l.tirage.slice(0, 12)}</td>
                <td className="py-2 pr-3">
                  {l.joursAttribues} / {l.joursDemandes}
                </td>
                <td className="py-2 pr-3">{l.joursEnAttente}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The requests collected so far, per unit: the children who asked and their days, beside the places. */
export function DemandesParUnite({ demandes }: { demandes: FenetreConsole["demandes"] }) {
  return (
    <section aria-labelledby="demandes">
      <h2 id="demandes" className="mb-2 text-lg font-bold">
        Demandes en cours par unité
      </h2>
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2 pr-3">
              Unité
            </th>
            <th scope="col" className="py-2 pr-3">
              Places par jour
            </th>
            <th scope="col" className="py-2 pr-3">
              Enfants
            </th>
            <th scope="col" className="py-2 pr-3">
              Jours demandés
            </th>
          </tr>
        </thead>
        <tbody>
          {demandes.map((d) => (
            <tr key={d.unite} className="border-b border-stone-200">
              <td className="py-2 pr-3">{d.unite}</td>
              <td className="py-2 pr-3">{d.capacite}</td>
              <td className="py-2 pr-3">{d.enfants}</td>
              <td className="py-2 pr-3">{d.jours}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
