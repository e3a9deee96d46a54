// The generation of an activity's opening days in the Paramétrage des réservations: the weekdays, unit and lieu
// asked (a GET, so the preview is a page of its own, ?apercu=1), then the preview of what would change and its
// « Enregistrer la génération ».
import { SimpleForm } from "@/components/ui/SimpleForm";
import type { apercuJours } from "@/lib/domain/calendrier/apercu-jours";
import { jourEnClair, nomJour, type Jour } from "@/lib/temps/jours-calcul";
import { enregistrerJoursAction } from "./actions";

export const avecAnnee = (jour: Jour) => `${jourEnClair(jour)} ${jour.slice(0, 4)}`;
export const nombre = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

/** Days listed by month, compact: "septembre 2026 : 1, 3, 4…". */
export function ParMois({ jours }: { jours: Jour[] }) {
  const mois = new Map<string, Jour[]>();
  for (const j of jours) mois.set(j.slice(0, 7), [...(mois.get(j.slice(0, 7)) ?? []), j]);
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {[...mois.entries()].map(([m, liste]) => (
        <li key={m}>
          <span className="font-semibold">
            {jourEnClair(`${m}-01`).replace(/^\S+ 1er /, "")} {m.slice(0, 4)}
          </span>{" "}
          : {liste.map((j) => Number(j.slice(8))).join(", ")}
        </li>
      ))}
    </ul>
  );
}

export function GenerationForm({
  anneeId,
  activite,
  zone,
  coches,
  sansJour,
  uniteId,
  lieuId,
}: {
  anneeId: number;
  activite: { id: number; unites: { id: number; libelle: string }[]; lieux: { id: number; nom: string }[] };
  zone: string;
  /** the weekdays ticked (1 = lundi) */
  coches: number[];
  /** the preview was asked without a weekday */
  sansJour: boolean;
  uniteId: number | null;
  lieuId: number | null;
}) {
  return (
    <form method="get" action="#apercu" className="mb-4">
      <input type="hidden" name="annee" value={anneeId} />
      <input type="hidden" name="activite" value={activite.id} />
      <input type="hidden" name="apercu" value="1" />
      <fieldset className="mb-4">
        <legend className="mb-1 font-semibold">Jours de la semaine</legend>
        <p id="jours-aide" className="mb-1 text-sm text-stone-700">
          Moins les jours fériés, les vacances scolaires ({zone}) et les fermetures de la commune.
        </p>
        <div className="flex flex-wrap gap-x-4">
          {[1, 2, 3, 4, 5, 6, 7].map((j) => (
            <div key={j} className="flex items-center gap-2">
              <input
                type="checkbox"
                id={`jours-${j}`}
                name={`jours-${j}`}
                defaultChecked={coches.includes(j)}
                className="size-5 accent-marque"
              />
              <label htmlFor={`jours-${j}`} className="min-h-11 py-2.5">
                {nomJour(j)}
              </label>
            </div>
          ))}
        </div>
        {sansJour && (
          <p role="alert" className="mt-1 text-sm font-semibold text-red-700">
            Cochez au moins un jour de la semaine.
          </p>
        )}
      </fieldset>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <div className="mb-4">
          <label htmlFor="unite" className="mb-1 block font-semibold">
            Unité
          </label>
          <select id="unite" name="unite" className="champ" defaultValue={uniteId ?? ""}>
            <option value="">Toutes les unités</option>
            {activite.unites.map((u) => (
              <option key={u.id} value={u.id}>
                {u.libelle}
              </option>
            ))}
          </select>
        </div>
        <div className="mb-4">
          <label htmlFor="lieu" className="mb-1 block font-semibold">
            Lieu
          </label>
          <select id="lieu" name="lieu" className="champ" defaultValue={lieuId ?? ""}>
            <option value="">Tous les lieux</option>
            {activite.lieux.map((l) => (
              <option key={l.id} value={l.id}>
                {l.nom}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="bouton-secondaire">
        Prévisualiser la génération
      </button>
    </form>
  );
}

export function ApercuGeneration({
  apercu,
  titre,
  cachees,
}: {
  apercu: NonNullable<Awaited<ReturnType<typeof apercuJours>>>;
  /** « Restauration, toutes les unités, tous les lieux » */
  titre: string;
  /** what « Enregistrer la génération » sends besides the weekdays */
  cachees: Record<string, string>;
}) {
  return (
    <section id="apercu" aria-labelledby="apercu-titre" className="mb-6 rounded-md border-2 border-marque p-3">
      <h3 id="apercu-titre" className="mb-2 font-semibold">
        Aperçu : {titre}, {apercu.joursSemaine.map(nomJour).join(", ")}
      </h3>
      <p className="mb-2">
        {nombre(apercu.ouverts.length, "jour")} d&apos;ouverture ; + {nombre(apercu.joursAjoutes.length, "jour")} à
        ajouter, − {nombre(apercu.joursRetires.length, "jour")} à retirer ({apercu.ajouts} créations et{" "}
        {apercu.retraits} suppressions par unité et lieu).
      </p>
      {apercu.joursReserves.length > 0 && (
        <p className="mb-2 font-semibold">
          {nombre(apercu.joursReserves.length, "jour")} réservé{apercu.joursReserves.length > 1 ? "s" : ""} gardé
          {apercu.joursReserves.length > 1 ? "s" : ""} : à traiter par un agent (
          {apercu.joursReserves.map(avecAnnee).join(", ")}).
        </p>
      )}
      <details className="mb-2">
        <summary className="cursor-pointer">Jours ajoutés ({apercu.joursAjoutes.length})</summary>
        <ParMois jours={apercu.joursAjoutes} />
      </details>
      <details className="mb-2">
        <summary className="cursor-pointer">Jours retirés ({apercu.joursRetires.length})</summary>
        <ParMois jours={apercu.joursRetires} />
      </details>
      <details className="mb-4">
        <summary className="cursor-pointer">Jours exclus et pourquoi ({apercu.exclus.length})</summary>
        <ul className="mt-2 text-sm">
          {apercu.exclus.map((e) => (
            <li key={e.jour}>
              {avecAnnee(e.jour)} : {e.raison}
            </li>
          ))}
        </ul>
      </details>
      <SimpleForm
        action={enregistrerJoursAction}
        bouton="Enregistrer la génération"
        hidden={{
          ...cachees,
          ...Object.fromEntries(apercu.joursSemaine.map((j) => [`jours-${j}`, "on"])),
        }}
      />
    </section>
  );
}
