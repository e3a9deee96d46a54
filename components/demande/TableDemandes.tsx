// The console's lists of demandes (the queue of the tableau de bord, the search): one line per demande, its
// number a link to the instruction screen. Scrolls inside its own focusable region on a phone.
import Link from "next/link";
import { BadgeStatut } from "@/components/demande/BadgeStatut";
import { formatParis } from "@/lib/temps/dates";
import { DEMARCHES } from "@/lib/domain/demarches";
import type { LigneDemande } from "@/lib/domain/demande/queries-console";

export function TableDemandes({
  demandes,
  legende,
  vide,
}: {
  demandes: LigneDemande[];
  legende: string;
  vide: string;
}) {
  if (demandes.length === 0) return <p className="mb-4">{vide}</p>;
  return (
    <div role="region" aria-label={legende} tabIndex={0} className="mb-4 overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left">
        <caption className="sr-only">{legende}</caption>
        <thead>
          <tr className="border-b-2 border-stone-300">
            <th scope="col" className="p-2">
              N°
            </th>
            <th scope="col" className="p-2">
              Type
            </th>
            <th scope="col" className="p-2">
              Demandeur
            </th>
            <th scope="col" className="p-2">
              Déposée le
            </th>
            <th scope="col" className="p-2">
              État
            </th>
            <th scope="col" className="p-2">
              Instructeur
            </th>
          </tr>
        </thead>
        <tbody>
          {demandes.map((demande) => (
            <tr key={demande.id} className="border-b border-stone-200">
              <td className="p-2 font-semibold">
                <Link href={`/agent/demandes/${demande.numero}`}>N° {demande.numero}</Link>
              </td>
              <td className="p-2">{DEMARCHES[demande.type].libelle}</td>
              <td className="p-2">
                {demande.usager.prenoms} {demande.usager.nomUsage.toUpperCase()}
              </td>
              <td className="p-2">{demande.deposeeAt ? formatParis(demande.deposeeAt, "dd/MM/yyyy HH:mm") : "—"}</td>
              <td className="p-2">
                <BadgeStatut statut={demande.statut} />
              </td>
              <td className="p-2">
                {demande.instructeur ? `${demande.instructeur.prenom} ${demande.instructeur.nom.toUpperCase()}` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
