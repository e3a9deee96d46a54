"use client";
// The family's days as one WAI-ARIA grid: a row per child × unit, a column per weekday, a block of rows per week
// (on a phone only the week shown, on a desktop the whole month). One cell holds the focus (roving tabindex):
// the arrow keys move between days and between units and children (down from a week's last row goes to the
// next week's first), Home/End to the row's ends, Ctrl+Home/End to the grid's; Space or Enter toggles; Tab
// leaves the grid for the totals and « Enregistrer ». Each toggle's name says the child, the day, the unit and
// its state; a mark and its shape (never the colour alone) show the state, a locked day keeps its mark and adds 🔒.
import { useRef, useState, type KeyboardEvent } from "react";
import { etatAffiche, reserve, type Brouillon } from "@/lib/domain/reservation/brouillon";
import type { CaseJour, EtatCase } from "@/lib/domain/reservation/annee-compacte";
import type { VueFamille } from "@/lib/domain/reservation/famille-vue";
import { ajouterJours, jourEnClair, jourSemaine, type Jour } from "@/lib/temps/jours-calcul";

const JOURS_COURTS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

export const ETATS: Record<EtatCase, string> = {
  RESERVEE: "réservé",
  ATTENTE: "en liste d'attente",
  A_VALIDER: "en attente de validation",
  REFUSEE: "refusé par le service",
  LIBRE: "libre",
  AUTRE_FOYER: "réservé par l'autre foyer",
  ABSENCE_SIGNALEE: "absence signalée",
  ABSENCE_JUSTIFIEE: "absence justifiée, non facturée",
  ABSENCE_INJUSTIFIEE: "absence injustifiée, facturée",
  NON_ASSURE: "service non assuré, non facturé",
  DEMANDEE: "demandé, attribué à la clôture des demandes",
  PROPOSEE: "place proposée, à accepter ou refuser dans Places proposées",
};
const MARQUES: Record<EtatCase, string> = {
  RESERVEE: "✔",
  ATTENTE: "⏳",
  A_VALIDER: "⏳",
  REFUSEE: "✖",
  LIBRE: "○",
  AUTRE_FOYER: "⊘",
  ABSENCE_SIGNALEE: "✎",
  ABSENCE_JUSTIFIEE: "✚",
  ABSENCE_INJUSTIFIEE: "✖",
  NON_ASSURE: "⛔",
  DEMANDEE: "⏳",
  PROPOSEE: "✉",
};

/** A row of the grid: one unit of one child's inscription. */
export type RangFamille = {
  enfantId: string;
  prenom: string;
  inscriptionId: string;
  uniteId: number;
  libelle: string;
  brouillon: Brouillon;
  /** each listed day of the month for this inscription: closed and why, or until when it may change */
  jours: Record<Jour, { info: string; ferme: boolean }>;
  lectureSeule: boolean;
};

const enMajuscule = (t: string) => t.replace(/^./, (c) => c.toUpperCase());
const cellule = (ligne: number, col: number) => `${ligne}-${col}`;

export function GrilleFamille({
  vue,
  rangs,
  semaine,
  refus,
  onBasculer,
  onSemaine,
}: {
  vue: VueFamille;
  rangs: RangFamille[];
  /** the week shown on a phone (its Monday) */
  semaine: Jour;
  /** refused by the last save: "inscriptionId|jour|uniteId" → the reason */
  refus: Readonly<Record<string, string>>;
  onBasculer: (rang: RangFamille, jour: Jour) => void;
  onSemaine: (lundi: Jour) => void;
}) {
  const grille = useRef<HTMLTableElement>(null);
  const premiereLigne = Math.max(
    vue.semaines.findIndex((s) => s.lundi === semaine),
    0,
  );
  const [actif, setActif] = useState<string | null>(null);
  // the focusable cell: the one last focused if it is in the week shown (a phone hides the others), else the
  // first cell of that week
  const lignesParSemaine = rangs.length;
  const ligneActive = actif ? Number(actif.split("-")[0]) : -1;
  const tabulable =
    actif && Math.floor(ligneActive / lignesParSemaine) === premiereLigne
      ? actif
      : cellule(premiereLigne * lignesParSemaine, 0);

  function deplacer(e: KeyboardEvent<HTMLTableElement>) {
    const cible = (e.target as HTMLElement).closest<HTMLElement>("[data-cellule]");
    if (!cible || !grille.current) return;
    const [ligne, col] = cible.dataset.cellule!.split("-").map(Number) as [number, number];
    const visibles = [...grille.current.querySelectorAll<HTMLElement>("[data-cellule]")].filter(
      (el) => el.getClientRects().length > 0,
    );
    const lignes = [...new Set(visibles.map((el) => Number(el.dataset.cellule!.split("-")[0])))];
    const derniereCol = vue.colonnes.length - 1;
    const rang = lignes.indexOf(ligne);
    let suivante: [number, number] | null = null;
    if (e.key === "ArrowRight") suivante = [ligne, Math.min(col + 1, derniereCol)];
    else if (e.key === "ArrowLeft") suivante = [ligne, Math.max(col - 1, 0)];
    else if (e.key === "ArrowDown") suivante = [lignes[Math.min(rang + 1, lignes.length - 1)]!, col];
    else if (e.key === "ArrowUp") suivante = [lignes[Math.max(rang - 1, 0)]!, col];
    else if (e.key === "Home") suivante = e.ctrlKey ? [lignes[0]!, 0] : [ligne, 0];
    else if (e.key === "End") suivante = e.ctrlKey ? [lignes.at(-1)!, derniereCol] : [ligne, derniereCol];
    if (!suivante) return;
    e.preventDefault();
    const el = visibles.find((v) => v.dataset.cellule === cellule(...suivante));
    el?.focus();
  }

  return (
    <table
      ref={grille}
      role="grid"
      aria-label="Jours à réserver pour la famille"
      aria-describedby="legende-famille"
      onKeyDown={deplacer}
      className="w-full table-fixed border-collapse text-sm"
    >
      <colgroup>
        <col className="w-24 sm:w-44" />
        {vue.colonnes.map((js) => (
          <col key={js} />
        ))}
      </colgroup>
      {vue.semaines.map(({ lundi, jours }, s) => {
        const dates = vue.colonnes.map((js) => ajouterJours(lundi, js - 1));
        return (
          <tbody key={lundi} className={lundi === semaine ? "" : "hidden lg:table-row-group"}>
            <tr>
              <th scope="col" className="pt-4 pb-1 text-left text-xs font-semibold sm:text-sm">
                Semaine du {Number(lundi.slice(8, 10))}/{lundi.slice(5, 7)}
              </th>
              {dates.map((date, c) => (
                <th key={date} scope="col" className="pt-4 pb-1 text-center text-xs font-semibold sm:text-sm">
                  <span aria-hidden="true">
                    {JOURS_COURTS[vue.colonnes[c]! - 1]}
                    <br />
                    {jours.includes(date) ? Number(date.slice(8, 10)) : ""}
                  </span>
                  <span className="sr-only">{enMajuscule(jourEnClair(date))}</span>
                </th>
              ))}
            </tr>
            {rangs.map((r, i) => {
              const ligne = s * lignesParSemaine + i;
              const nouvelEnfant = i === 0 || rangs[i - 1]!.enfantId !== r.enfantId;
              return (
                <tr
                  key={`${r.inscriptionId}-${r.uniteId}`}
                  className={nouvelEnfant ? "border-t-2 border-stone-400" : ""}
                >
                  <th scope="row" className="py-1 pr-1 text-left text-xs font-normal sm:text-sm">
                    <span className={nouvelEnfant ? "font-bold" : "sr-only"}>{r.prenom}</span>
                    {nouvelEnfant ? <br /> : null}
                    <span className="break-words">{r.libelle}</span>
                  </th>
                  {dates.map((date, c) => (
                    <Cellule
                      key={date}
                      r={r}
                      date={date}
                      dansLeMois={jours.includes(date)}
                      id={cellule(ligne, c)}
                      tabulable={tabulable === cellule(ligne, c)}
                      refus={refus[`${r.inscriptionId}|${date}|${r.uniteId}`]}
                      onFocus={() => {
                        setActif(cellule(ligne, c));
                        if (lundi !== semaine) onSemaine(lundi);
                      }}
                      onBasculer={() => onBasculer(r, date)}
                    />
                  ))}
                </tr>
              );
            })}
            <Notes rangs={rangs} dates={dates} colonnes={vue.colonnes.length + 1} />
          </tbody>
        );
      })}
    </table>
  );
}

function Cellule({
  r,
  date,
  dansLeMois,
  id,
  tabulable,
  refus,
  onFocus,
  onBasculer,
}: {
  r: RangFamille;
  date: Jour;
  dansLeMois: boolean;
  id: string;
  tabulable: boolean;
  refus: string | undefined;
  onFocus: () => void;
  onBasculer: () => void;
}) {
  const jour = r.jours[date];
  const c: CaseJour | undefined = r.brouillon.annee.get(date)?.find((x) => x.uniteId === r.uniteId);
  const nomJour = jourEnClair(date);
  const tab = tabulable ? 0 : -1;
  if (!c || !jour || jour.ferme) {
    // no toggle: closed (holidays, a closure), not in the month, or a day this unit does not open
    const pourquoi = !dansLeMois ? "hors du mois affiché" : jour?.ferme ? jour.info : "pas d'accueil";
    return (
      <td role="gridcell" data-cellule={id} tabIndex={tab} onFocus={onFocus} className="p-0.5 text-center">
        <span aria-hidden="true" className="text-stone-500">
          —
        </span>
        <span className="sr-only">
          {r.prenom}, {nomJour}, {r.libelle} : {pourquoi}
        </span>
      </td>
    );
  }
  const etat = etatAffiche(r.brouillon, date, c);
  const pris = reserve(r.brouillon, date, c.uniteId);
  const verrouille = !c.modifiable || r.lectureSeule;
  const nom =
    `${r.prenom}, ${nomJour}, ${r.libelle} : ${ETATS[etat]}` +
    (verrouille ? `, non modifiable (${jour.info})` : "") +
    (refus ? `, refusé : ${refus}` : "");
  return (
    <td role="gridcell" className="p-0.5">
      <button
        type="button"
        data-cellule={id}
        tabIndex={tab}
        aria-pressed={pris}
        aria-disabled={verrouille || undefined}
        aria-label={nom}
        onFocus={onFocus}
        onClick={() => !verrouille && onBasculer()}
        className={`flex min-h-11 w-full min-w-0 items-center justify-center rounded-md border-2 text-base leading-none ${
          pris ? "border-solid border-green-800 bg-green-100 font-bold" : "border-dashed border-stone-500 bg-white"
        } ${verrouille ? "cursor-not-allowed" : ""} ${refus ? "outline-2 outline-offset-1 outline-red-700" : ""}`}
      >
        <span aria-hidden="true">
          {MARQUES[etat]}
          {verrouille && <span className="text-xs">🔒</span>}
        </span>
      </button>
    </td>
  );
}

/** Under a week: why its locked or closed days are so, in words (« Délai de modification dépassé : lun. 30, mar. 1 »). */
function Notes({ rangs, dates, colonnes }: { rangs: RangFamille[]; dates: Jour[]; colonnes: number }) {
  const parRaison = new Map<string, Set<Jour>>();
  for (const r of rangs)
    for (const date of dates) {
      const jour = r.jours[date];
      const c = r.brouillon.annee.get(date)?.find((x) => x.uniteId === r.uniteId);
      if (!jour || (!jour.ferme && c?.modifiable && !r.lectureSeule)) continue;
      const raison = `${jour.ferme ? "" : "🔒 "}${jour.info}`;
      parRaison.set(raison, (parRaison.get(raison) ?? new Set()).add(date));
    }
  if (parRaison.size === 0) return null;
  return (
    <tr>
      <td colSpan={colonnes} className="pt-1 text-xs text-stone-700">
        <ul>
          {[...parRaison].map(([raison, jours]) => (
            <li key={raison}>
              {raison} :{" "}
              {[...jours].map((j) => `${JOURS_COURTS[jourSemaine(j) - 1]} ${Number(j.slice(8, 10))}`).join(", ")}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
