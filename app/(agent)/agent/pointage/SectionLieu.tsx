// One lieu of the day's list: per unit its tally (« 62 / 80 présents, 3 absents, 15 non pointés », a live
// region the marks update), « Tous présents », the children; then « Présent sans réservation » for a child
// found by name among the enrolled. A day outside the correction window shows the list without its buttons.
import { dateHeure } from "@/lib/temps/dates";
import { bilanEnClair, bilanUnite } from "@/lib/domain/pointage/bilan";
import { ACTIVITE_COURTE, type ListeLieu, type rechercherInscrits } from "@/lib/domain/pointage/liste";
import { FormPointage } from "./FormPointage";
import { LigneEnfant } from "./LigneEnfant";
import { TousPresents } from "./TousPresents";

type Props = {
  liste: ListeLieu;
  date: string;
  santeVisible: boolean;
  modifiable: boolean;
  recherche: string;
  trouves: Awaited<ReturnType<typeof rechercherInscrits>> | null;
};

export function SectionLieu({ liste, date, santeVisible, modifiable, recherche, trouves }: Props) {
  const id = `lieu-${liste.lieuId}`;
  return (
    <section aria-labelledby={id} className="page-imprimee mb-10">
      <h2 id={id} className="mb-1 text-lg font-bold">
        {liste.lieu} — {ACTIVITE_COURTE[liste.type]}
      </h2>
      <p className="mb-4 text-sm">
        {liste.imprimeeLe
          ? `Liste imprimée pour la première fois le ${dateHeure(liste.imprimeeLe)} : les changements depuis sont signalés.`
          : "Liste pas encore imprimée."}
      </p>
      {liste.unites.map((unite) => {
        const attendus = unite.enfants.filter((e) => e.reservee).length;
        const bilan = bilanUnite(unite.enfants);
        const restants = unite.enfants.filter((e) => e.reservee && !e.pointage).length;
        return (
          <div key={unite.uniteId} className="mb-6">
            <h3 className="mb-1 font-bold">
              {unite.libelle} : {attendus} {attendus > 1 ? "enfants attendus" : "enfant attendu"}
            </h3>
            <p role="status" aria-live="polite" className="mb-2 font-semibold">
              {unite.libelle} : {bilanEnClair(bilan)}
            </p>
            {modifiable && attendus > 0 && (
              <TousPresents
                uniteId={unite.uniteId}
                lieuId={liste.lieuId}
                date={date}
                unite={unite.libelle}
                restants={restants}
              />
            )}
            {unite.enfants.length === 0 ? (
              <p>Aucun enfant attendu.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left">
                  <thead>
                    <tr className="border-b-2 border-stone-400">
                      <th scope="col" className="py-2 pr-3">
                        Enfant
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Groupe
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Santé
                      </th>
                      <th scope="col" className="py-2">
                        Pointage
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {unite.enfants.map((enfant) => (
                      <LigneEnfant
                        key={enfant.enfantId}
                        enfant={enfant}
                        unite={unite.libelle}
                        uniteId={unite.uniteId}
                        lieuId={liste.lieuId}
                        date={date}
                        santeVisible={santeVisible}
                        modifiable={modifiable}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        );
      })}

      {modifiable && (
        <div className="rounded-md border border-stone-300 p-4 print:hidden">
          <h3 className="mb-2 font-bold">Présent sans réservation</h3>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="date" value={date} />
            <input type="hidden" name="lieu" value={liste.lieuId} />
            <div className="grow">
              <label htmlFor={`q-${liste.lieuId}`} className="mb-1 block font-semibold">
                Rechercher un enfant inscrit (nom ou prénom)
              </label>
              <input
                id={`q-${liste.lieuId}`}
                name="q"
                type="search"
                defaultValue={recherche}
                maxLength={100}
                className="champ"
              />
            </div>
            <button type="submit" className="bouton-secondaire">
              Rechercher
            </button>
          </form>
          {trouves && (
            <div className="mt-4" aria-live="polite">
              {trouves.length === 0 ? (
                <p>Aucun enfant inscrit ne correspond à « {recherche} ».</p>
              ) : (
                <ul className="space-y-3">
                  {trouves.map((t) => (
                    <li key={t.enfantId}>
                      <p className="font-semibold">
                        {t.prenoms} {t.nom.toUpperCase()} ({t.groupe})
                      </p>
                      <div className="mt-1 flex flex-wrap gap-4">
                        {liste.unites.map((unite) => (
                          <div key={unite.uniteId}>
                            <p className="text-sm">{unite.libelle}</p>
                            <FormPointage
                              nom={`${t.prenoms} ${t.nom.toUpperCase()}, ${unite.libelle}, sans réservation`}
                              enfantId={t.enfantId}
                              uniteId={unite.uniteId}
                              lieuId={liste.lieuId}
                              date={date}
                              etat={null}
                              choix={["PRESENT_SANS_RESERVATION"]}
                            />
                          </div>
                        ))}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
