// The marks of the family grid, in words: a state is told by its mark and its border, never by the colour alone.
const LIGNES: [string, string][] = [
  ["✔", "Réservé (bordure pleine)"],
  ["○", "Libre (bordure en pointillés)"],
  ["🔒", "Non modifiable : la raison est écrite sous la semaine"],
  ["⏳", "Liste d'attente ou en attente de validation"],
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
      </ul>
    </details>
  );
}
