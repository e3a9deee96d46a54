// The marks of the month view's toggles, in words.
const LIGNES: [string, string][] = [
  ["✔", "Réservé"],
  ["○", "Non réservé"],
  ["⌛", "Liste d'attente ou en attente de validation"],
  ["✖", "Refusé par le service"],
  ["⊘", "Réservé par l'autre foyer"],
  ["🔒", "Non modifiable (à côté de ce que le jour contient : ✔ ou ○)"],
  ["✎", "Absence signalée"],
  ["✚", "Absence justifiée (non facturée)"],
  ["✖", "Absence injustifiée (facturée)"],
  ["⛔", "Service non assuré (non facturé)"],
];

export function Legende() {
  return (
    <ul aria-label="Légende" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {LIGNES.map(([marque, texte]) => (
        <li key={texte}>
          <span aria-hidden="true">{marque}</span> {texte}
        </li>
      ))}
    </ul>
  );
}
