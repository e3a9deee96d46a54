// « Appliquer une semaine type »: the weekdays and units to book, how often, over which period, and whether
// to cancel the booked days not ticked. It only changes the draft on screen (brouillon.ts); nothing is saved
// before « Enregistrer ».
import { cleSemaineType, lireSemaineType, type SemaineType } from "@/lib/domain/reservation/brouillon";
import { nomJour, type Jour } from "@/lib/temps/jours-calcul";

const enMajuscule = (texte: string) => texte.replace(/^./, (c) => c.toUpperCase());

export function SemaineTypeForm({
  joursSemaine,
  unites,
  premier,
  dernier,
  onAppliquer,
}: {
  /** the ISO weekdays the activity opens (1 = lundi) */
  joursSemaine: number[];
  unites: { id: number; libelle: string }[];
  /** the year's first and last open days: the period's bounds and defaults */
  premier: Jour | null;
  dernier: Jour | null;
  onAppliquer: (type: SemaineType) => void;
}) {
  return (
    <details className="rounded-md border border-stone-300 p-3">
      <summary className="cursor-pointer font-semibold">Appliquer une semaine type</summary>
      <form
        className="mt-3 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          onAppliquer(lireSemaineType(new FormData(e.currentTarget), premier ?? "", dernier ?? ""));
        }}
      >
        <fieldset>
          <legend className="font-semibold">Jours et unités</legend>
          <ul className="grid gap-1 sm:grid-cols-2">
            {joursSemaine.flatMap((js) =>
              unites.map((u) => (
                <li key={`${js}-${u.id}`}>
                  <label className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name={cleSemaineType(js, u.id)} className="size-5" />
                    {enMajuscule(nomJour(js))}, {u.libelle}
                  </label>
                </li>
              )),
            )}
          </ul>
        </fieldset>
        <div className="flex flex-col gap-3 sm:flex-row">
          <label className="flex flex-col">
            Fréquence
            <select name="frequence" className="champ" defaultValue="CHAQUE">
              <option value="CHAQUE">Toutes les semaines</option>
              <option value="UNE_SUR_DEUX">Une semaine sur deux</option>
              <option value="PAIRES">Semaines paires</option>
              <option value="IMPAIRES">Semaines impaires</option>
            </select>
          </label>
          {(
            [
              ["du", "Du", premier],
              ["au", "Au", dernier],
            ] as const
          ).map(([name, texte, defaut]) => (
            <label key={name} className="flex flex-col">
              {texte}
              <input
                type="date"
                name={name}
                className="champ"
                defaultValue={defaut ?? undefined}
                min={premier ?? undefined}
                max={dernier ?? undefined}
              />
            </label>
          ))}
        </div>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="annulerAutres" className="size-5" />
          Annuler les jours réservés qui ne sont pas cochés
        </label>
        <p className="text-sm">
          Seuls les jours encore modifiables changent. Rien n&apos;est enregistré avant « Enregistrer ».
        </p>
        <button type="submit" className="bouton-secondaire">
          Appliquer
        </button>
      </form>
    </details>
  );
}
