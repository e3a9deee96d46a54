import Link from "next/link";
// The marks of the month view's toggles, in words.
const LIGNES: [string, string][] = [
  ["✔", "Réservé"],
  ["○", "Non réservé"],
  ["⌛", "Liste d'attente, en attente de validation, ou demandé (attribué à la clôture des demandes)"],
  ["✖", "Refusé par le service"],
  ["⊘", "Réservé par l'autre foyer"],
  ["🔒", "Non modifiable (à côté de ce que le jour contient : ✔ ou ○)"],
  ["✎", "Absence signalée"],
  ["✚", "Absence justifiée (non facturée)"],
  ["✖", "Absence injustifiée (facturée)"],
  ["⛔", "Service non assuré (non facturé)"],
];

/** lienPropositions: the parent's « Places proposées » (the console's view of the family has none) */
export function Legende({ lienPropositions }: { lienPropositions?: string }) {
  return (
    <ul aria-label="Légende" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {LIGNES.map(([marque, texte]) => (
        <li key={texte}>
          <span aria-hidden="true">{marque}</span> {texte}
        </li>
      ))}
      <li>
        <span aria-hidden="true">✉</span> Place proposée : à accepter ou refuser dans{" "}
        {lienPropositions ? <Link href={lienPropositions}>Places proposées</Link> : "Places proposées"}
      </li>
    </ul>
  );
}
