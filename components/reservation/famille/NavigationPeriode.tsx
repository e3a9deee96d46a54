"use client";
// The period shown: on a phone a week at a time (« Semaine précédente » / « Semaine suivante », crossing into
// the next month when the month ends), on a desktop the month (« Mois précédent » / « Mois suivant »). The draft
// stays: only the days shown change. Wraps at 360 px rather than stick out of its card.
import type { VueFamille } from "@/lib/domain/reservation/famille-vue";
import { MOIS, type Jour } from "@/lib/temps/jours-calcul";

const enMajuscule = (t: string) => t.replace(/^./, (c) => c.toUpperCase());

export function NavigationPeriode({
  vue,
  semaine,
  onSemaine,
  onMois,
}: {
  vue: VueFamille;
  semaine: Jour;
  onSemaine: (sens: 1 | -1) => void;
  onMois: (mois: string) => void;
}) {
  const rang = vue.semaines.findIndex((s) => s.lundi === semaine);
  const [anneeMois, numeroMois] = vue.mois.split("-");
  return (
    <nav aria-label="Période affichée" className="grid grid-cols-2 items-center gap-2 lg:grid-cols-[auto_1fr_auto]">
      <button
        type="button"
        className="bouton-secondaire px-2 lg:hidden"
        onClick={() => onSemaine(-1)}
        disabled={rang <= 0 && !vue.moisPrecedent}
      >
        Semaine précédente
      </button>
      <button
        type="button"
        className="bouton-secondaire hidden px-3 lg:inline-flex"
        onClick={() => vue.moisPrecedent && onMois(vue.moisPrecedent)}
        disabled={!vue.moisPrecedent}
      >
        Mois précédent
      </button>
      <h2
        className="order-first col-span-2 text-center text-lg font-bold lg:order-none lg:col-span-1"
        aria-live="polite"
      >
        {enMajuscule(MOIS[Number(numeroMois) - 1] ?? "")} {anneeMois}
        <span className="block text-sm font-normal lg:hidden">Semaine du {semaine.split("-").reverse().join("/")}</span>
      </h2>
      <button
        type="button"
        className="bouton-secondaire px-2 lg:hidden"
        onClick={() => onSemaine(1)}
        disabled={rang >= vue.semaines.length - 1 && !vue.moisSuivant}
      >
        Semaine suivante
      </button>
      <button
        type="button"
        className="bouton-secondaire hidden px-3 lg:inline-flex"
        onClick={() => vue.moisSuivant && onMois(vue.moisSuivant)}
        disabled={!vue.moisSuivant}
      >
        Mois suivant
      </button>
    </nav>
  );
}
