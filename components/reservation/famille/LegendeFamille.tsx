import Link from "next/link";
// The marks of the family grid, in words: a state is told by its mark and its border, never by the colour alone.
const LIGNES: [string, string][] = [
  ["✔", "Réservé (bordure pleine)"],
  ["○", "Libre (bordure en pointillés)"],
  ["🔒", "Non modifiable : la raison est écrite sous la semaine"],
  ["⏳", "Liste d'attente, en attente de validation, ou demandé (attribué à la clôture des demandes)"],
  ["✖", "Refusé par le service, ou absence injustifiée (facturée)"],
  ["✎", "Absence signalée"],
  ["✚", "Absence justifiée (non facturée)"],
  ["⛔", "Service non assuré (non facturé)"],
  ["⊘", "Réservé par l'autre foyer"],
  ["—", "Pas d'accueil ce jour-là"],
];

export function LegendeFamille() {
  return (
    <details className="rounded-md border border-stone-300 p-2 text-sm">
      <summary className="cursor-pointer font-semibold">Légende</summary>
      <ul id="legende-famille" className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
        {LIGNES.map(([marque, texte]) => (
          <li key={texte}>
            <span aria-hidden="true" className="inline-block w-6 text-center">
              {marque}
            </span>{" "}
            {texte}
          </li>
        ))}
        <li>
          <span aria-hidden="true" className="inline-block w-6 text-center">
            ✉
          </span>{" "}
          Place proposée : à accepter ou refuser dans{" "}
          <Link href="/famille/reservations/propositions">Places proposées</Link>
        </li>
      </ul>
    </details>
  );
}
