// The meals and garderie places booked per day around today, drawn on the server: plain SVG (no client script,
// no chart library), named by its title and described in words, and beside it the same numbers as a real
// table, which is what a screen reader or a keyboard user reads. Today's bars are marked.
import { jourEnClair, type Jour } from "@/lib/temps/jours";
import type { JourGraphique } from "@/lib/domain/console/tableau-de-bord";

const HAUTEUR = 160;
const LARGEUR_JOUR = 28;
const MARGE_GAUCHE = 36;
const MARGE_BAS = 34;
const MARGE_HAUT = 14;
// amber-700 and blue-700, as the legend's squares; the bars' colours keep a 3:1 contrast with the white background (non-text contrast)
const COULEURS = { repas: "#b45309", garderie: "#1d4ed8" } as const;

const court = (jour: Jour) => `${jour.slice(8, 10)}/${jour.slice(5, 7)}`;

/** A round step for the scale's lines: 1, 2, 5, 10, 20, 50… so that at most 4 lines are drawn. */
function pas(maximum: number): number {
  for (let puissance = 1; ; puissance *= 10)
    for (const facteur of [1, 2, 5]) if (facteur * puissance * 4 >= maximum) return facteur * puissance;
}

export function GraphiqueJours({ jours, aujourdhui }: { jours: JourGraphique[]; aujourdhui: Jour }) {
  const maximum = Math.max(1, ...jours.flatMap((j) => [j.repas, j.garderie]));
  const unite = pas(maximum);
  const haut = Math.ceil(maximum / unite) * unite;
  const largeur = MARGE_GAUCHE + jours.length * LARGEUR_JOUR + 8;
  const total = HAUTEUR + MARGE_HAUT + MARGE_BAS;
  const y = (n: number) => MARGE_HAUT + HAUTEUR - (n / haut) * HAUTEUR;
  const lignes = Array.from({ length: haut / unite + 1 }, (_, i) => i * unite);
  const totalRepas = jours.reduce((s, j) => s + j.repas, 0);
  const totalGarderie = jours.reduce((s, j) => s + j.garderie, 0);
  const premier = jours[0]?.jour ?? aujourdhui;
  const dernier = jours.at(-1)?.jour ?? aujourdhui;
  const description =
    `Du ${jourEnClair(premier)} au ${jourEnClair(dernier)}, ${jours.length} jours : ` +
    `${totalRepas} repas et ${totalGarderie} places de garderie réservés, au plus ${maximum} un même jour. ` +
    `Aujourd'hui, ${jourEnClair(aujourdhui)}, est marqué. Le détail est dans le tableau qui suit.`;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <figure className="min-w-0">
        {/* narrower than the chart (a phone), it scrolls: a region the keyboard can reach and scroll */}
        <div role="region" aria-label="Graphique des réservations par jour" tabIndex={0} className="overflow-x-auto">
          <svg
            role="img"
            aria-labelledby="graphique-titre"
            aria-describedby="graphique-description"
            viewBox={`0 0 ${largeur} ${total}`}
            className="h-auto w-full min-w-[36rem]"
          >
            <title id="graphique-titre">Repas et places de garderie réservés par jour</title>
            <desc id="graphique-description">{description}</desc>
            {lignes.map((n) => (
              <g key={n}>
                <line x1={MARGE_GAUCHE} x2={largeur} y1={y(n)} y2={y(n)} stroke="#d6d3d1" strokeWidth={1} />
                <text x={MARGE_GAUCHE - 4} y={y(n) + 4} textAnchor="end" fontSize={10} fill="#44403c">
                  {n}
                </text>
              </g>
            ))}
            {jours.map((j, i) => {
              const x = MARGE_GAUCHE + i * LARGEUR_JOUR;
              const estAujourdhui = j.jour === aujourdhui;
              return (
                <g key={j.jour} data-jour={j.jour} data-repas={j.repas} data-garderie={j.garderie}>
                  {estAujourdhui && (
                    <rect x={x} y={0} width={LARGEUR_JOUR} height={total} fill="#fef3c7" stroke="#92400e" />
                  )}
                  <rect x={x + 3} y={y(j.repas)} width={10} height={y(0) - y(j.repas)} fill={COULEURS.repas} />
                  <rect
                    x={x + 14}
                    y={y(j.garderie)}
                    width={10}
                    height={y(0) - y(j.garderie)}
                    fill={COULEURS.garderie}
                  />
                  <text x={x + LARGEUR_JOUR / 2} y={y(0) + 13} textAnchor="middle" fontSize={9} fill="#1c1917">
                    {court(j.jour)}
                  </text>
                  {estAujourdhui && (
                    <text x={x + LARGEUR_JOUR / 2} y={y(0) + 27} textAnchor="middle" fontSize={9} fill="#1c1917">
                      auj.
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        </div>
        <figcaption className="mt-2 flex flex-wrap gap-4 text-sm">
          <span className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-3 bg-amber-700" />
            Repas (restauration)
          </span>
          <span className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-3 bg-blue-700" />
            Places de garderie
          </span>
          <span className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-3 border border-amber-800 bg-amber-100" />
            Aujourd&apos;hui
          </span>
        </figcaption>
      </figure>

      <div role="region" aria-label="Tableau des réservations par jour" tabIndex={0} className="max-h-96 overflow-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-semibold">Repas et places de garderie réservés par jour</caption>
          <thead>
            <tr className="border-b-2 border-stone-300">
              <th scope="col" className="p-1">
                Jour
              </th>
              <th scope="col" className="p-1 text-right">
                Repas
              </th>
              <th scope="col" className="p-1 text-right">
                Garderie
              </th>
            </tr>
          </thead>
          <tbody>
            {jours.map((j) => (
              <tr
                key={j.jour}
                className={j.jour === aujourdhui ? "bg-amber-100 font-semibold" : "border-b border-stone-200"}
              >
                <th scope="row" className="p-1 font-normal">
                  {jourEnClair(j.jour)}
                  {j.jour === aujourdhui && " (aujourd'hui)"}
                </th>
                <td className="p-1 text-right">{j.repas}</td>
                <td className="p-1 text-right">{j.garderie}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
