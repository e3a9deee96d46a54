"use client";
// The family's week tools: « Appliquer une semaine type » to the children ticked (the per-child form, its units
// being the labels every child shares: « Menu Classique », « Matin »…), and « Copier la semaine précédente » on
// the week shown, for everyone. They change the draft only; the page says what changed, in view and focused.
import { useState } from "react";
import { SemaineTypeForm } from "@/components/reservation/SemaineTypeForm";
import type { SemaineType } from "@/lib/domain/reservation/brouillon";
import { cleSemaineTypeFamille, type SemaineTypeFamille } from "@/lib/domain/reservation/famille-vue-brouillon";
import type { Jour } from "@/lib/temps/jours-calcul";

export function OutilsFamille({
  enfants,
  libelles,
  colonnes,
  premier,
  dernier,
  semaine,
  lectureSeule,
  onAppliquer,
  onCopier,
}: {
  enfants: { enfantId: string; prenom: string }[];
  /** the unit labels of the view, in order */
  libelles: string[];
  colonnes: number[];
  premier: Jour | null;
  dernier: Jour | null;
  /** the Monday of the week « Copier » fills */
  semaine: Jour;
  lectureSeule: boolean;
  onAppliquer: (type: SemaineTypeFamille) => void;
  onCopier: () => void;
}) {
  const [choisis, setChoisis] = useState<ReadonlySet<string>>(() => new Set(enfants.map((e) => e.enfantId)));
  if (lectureSeule) return null;
  // the per-child form's units are the labels, numbered from 1
  const unites = libelles.map((libelle, i) => ({ id: i + 1, libelle }));
  const appliquer = (type: SemaineType) => {
    const cochees = new Set<string>();
    for (const cle of type.cochees) {
      const [, js, rang] = cle.split("-");
      cochees.add(cleSemaineTypeFamille(Number(js), libelles[Number(rang) - 1] ?? ""));
    }
    onAppliquer({ ...type, cochees, enfants: choisis });
  };
  return (
    <div className="space-y-3">
      {enfants.length > 1 && (
        <fieldset className="rounded-md border border-stone-300 p-3">
          <legend className="px-1 font-semibold">Enfants concernés par la semaine type</legend>
          <ul className="flex flex-wrap gap-x-4">
            {enfants.map((e) => (
              <li key={e.enfantId}>
                <label className="flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-5"
                    checked={choisis.has(e.enfantId)}
                    onChange={(ev) => {
                      const suivants = new Set(choisis);
                      if (ev.target.checked) suivants.add(e.enfantId);
                      else suivants.delete(e.enfantId);
                      setChoisis(suivants);
                    }}
                  />
                  {e.prenom}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <SemaineTypeForm
        joursSemaine={colonnes}
        unites={unites}
        premier={premier}
        dernier={dernier}
        onAppliquer={appliquer}
      />
      <button type="button" className="bouton-secondaire w-full sm:w-auto" onClick={onCopier}>
        Copier la semaine précédente
        <span className="sr-only"> sur la semaine du {semaine.split("-").reverse().join("/")}</span>
      </button>
    </div>
  );
}
