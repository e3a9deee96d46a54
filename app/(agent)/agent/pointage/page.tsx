// Pointage: the day's lists. For a date, each lieu (and so its activity) and unit with the children expected,
// their groupe and the flags the staff need (for an agent with the access to health data; the others are sent
// to the responsable), marked présent / absent in one tap each, "présent sans réservation" for a child found by
// name among the enrolled; printable (one lieu per sheet), the changes after the first print marked.
import "./impression.css";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { requireAgent } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import {
  lieuxDuJour,
  listeDuJour,
  rechercherInscrits,
  type EnfantListe,
  type ListeLieu,
} from "@/lib/domain/pointage/liste";
import { maintenant } from "@/lib/web/horloge";
import { estJour, jourEnClair, jourParis } from "@/lib/temps/jours";
import { BoutonImprimer } from "./BoutonImprimer";
import { FormPointage } from "./FormPointage";

export const metadata = { title: "Pointage — Console des agents" };

type Recherche = { date?: string; lieu?: string; q?: string };

export default async function PointagePage({ searchParams }: { searchParams: Promise<Recherche> }) {
  const { agent } = await requireAgent();
  const params = await searchParams;
  const date = params.date && estJour(params.date) ? params.date : jourParis(await maintenant());
  const lieux = await lieuxDuJour(date);
  const lieuChoisi = lieux.find((l) => String(l.lieuId) === params.lieu)?.lieuId;
  const { santeVisible, lieux: listes } =
    lieux.length === 0
      ? { santeVisible: false, lieux: [] }
      : await listeDuJour({ agentId: agent.id, date, lieuId: lieuChoisi });
  const recherche = params.q?.trim() ?? "";
  const trouves = lieuChoisi && recherche ? await rechercherInscrits({ lieuId: lieuChoisi, recherche }) : null;
  const titre = `${jourEnClair(date).replace(/^./, (c) => c.toUpperCase())} ${date.slice(0, 4)}`;

  return (
    <div className="carte" data-impression>
      <h1 className="titre-page mb-1">Pointage</h1>
      <p className="mb-4 text-lg font-semibold">{titre}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4 print:hidden">
        <div>
          <label htmlFor="date" className="mb-1 block font-semibold">
            Date
          </label>
          <input id="date" name="date" type="date" defaultValue={date} className="champ" />
        </div>
        <div>
          <label htmlFor="lieu" className="mb-1 block font-semibold">
            Lieu
          </label>
          <select id="lieu" name="lieu" defaultValue={lieuChoisi ?? ""} className="champ">
            <option value="">Tous les lieux</option>
            {lieux.map((l) => (
              <option key={l.lieuId} value={l.lieuId}>
                {l.lieu} — {l.activite}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bouton-principal">
          Afficher
        </button>
      </form>

      {listes.length === 0 ? (
        <Alert title="Aucun accueil ce jour-là." />
      ) : (
        <>
          <div className="mb-6 flex flex-wrap items-start gap-4 print:hidden">
            <BoutonImprimer date={date} lieux={listes.map((l) => l.lieuId)} />
            <Link href={`/agent/commande-repas?date=${date}`} className="self-center">
              Commande des repas de ce jour
            </Link>
          </div>
          {!santeVisible && (
            <Alert title="Allergies, PAI et régimes : voir le responsable.">
              <p>
                Les données de santé sont réservées aux agents qui en ont reçu l&apos;accès d&apos;un administrateur.
              </p>
            </Alert>
          )}
          {listes.map((liste) => (
            <SectionLieu
              key={liste.lieuId}
              liste={liste}
              date={date}
              santeVisible={santeVisible}
              recherche={liste.lieuId === lieuChoisi ? recherche : ""}
              trouves={liste.lieuId === lieuChoisi ? trouves : null}
            />
          ))}
        </>
      )}
    </div>
  );
}

function SectionLieu({
  liste,
  date,
  santeVisible,
  recherche,
  trouves,
}: {
  liste: ListeLieu;
  date: string;
  santeVisible: boolean;
  recherche: string;
  trouves: Awaited<ReturnType<typeof rechercherInscrits>> | null;
}) {
  const id = `lieu-${liste.lieuId}`;
  return (
    <section aria-labelledby={id} className="page-imprimee mb-10">
      <h2 id={id} className="mb-1 text-lg font-bold">
        {liste.lieu} — {liste.activite}
      </h2>
      <p className="mb-4 text-sm">
        {liste.imprimeeLe
          ? `Liste imprimée pour la première fois le ${dateHeure(liste.imprimeeLe)} : les changements depuis sont signalés.`
          : "Liste pas encore imprimée."}
      </p>
      {liste.unites.map((unite) => {
        const attendus = unite.enfants.filter((e) => e.reservee).length;
        return (
          <div key={unite.uniteId} className="mb-6">
            <h3 className="mb-2 font-bold">
              {unite.libelle} : {attendus} {attendus > 1 ? "enfants attendus" : "enfant attendu"}
            </h3>
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
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        );
      })}

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
    </section>
  );
}

function LigneEnfant({
  enfant,
  unite,
  uniteId,
  lieuId,
  date,
  santeVisible,
}: {
  enfant: EnfantListe;
  unite: string;
  uniteId: number;
  lieuId: number;
  date: string;
  santeVisible: boolean;
}) {
  const nom = `${enfant.prenoms} ${enfant.nom.toUpperCase()}`;
  const sante = enfant.sante;
  return (
    <tr className="border-b border-stone-200 align-top">
      <th scope="row" className="py-2 pr-3 font-semibold">
        <span className={enfant.tardif === "ANNULE" ? "line-through" : undefined}>{nom}</span>
        {enfant.tardif && (
          <span className="ml-2 inline-block rounded bg-amber-100 px-2 text-sm font-bold text-amber-950">
            {enfant.tardif === "AJOUTE" ? "Ajouté après l'impression" : "Annulé après l'impression"}
          </span>
        )}
        {!enfant.reservee && !enfant.tardif && <span className="block text-sm font-normal">Sans réservation</span>}
      </th>
      <td className="py-2 pr-3">{enfant.groupe ?? "—"}</td>
      <td className="py-2 pr-3 text-sm">
        {santeVisible && sante ? (
          <>
            {sante.allergies.length > 0 && <p>Allergies : {sante.allergies.join(", ")}</p>}
            {sante.regimes.length > 0 && <p>Régime : {sante.regimes.join(", ")}</p>}
            {(sante.pai || enfant.paiDemande) && <p className="font-bold">PAI</p>}
            <Link href={`/agent/pointage/sante/${enfant.enfantId}`} className="print:hidden">
              Détail santé<span className="sr-only"> de {nom}</span>
            </Link>
          </>
        ) : enfant.paiDemande ? (
          <p>PAI : voir le responsable</p>
        ) : (
          "—"
        )}
      </td>
      <td className="py-2">
        <FormPointage
          nom={`${nom}, ${unite}`}
          enfantId={enfant.enfantId}
          uniteId={uniteId}
          lieuId={lieuId}
          date={date}
          etat={enfant.pointage?.etat ?? null}
          choix={enfant.reservee || enfant.tardif ? ["PRESENT", "ABSENT"] : ["PRESENT_SANS_RESERVATION", "ABSENT"]}
        />
        {enfant.pointage && (
          <p className="mt-1 text-sm">
            {enfant.pointage.etat === "ABSENT" ? "Absent" : "Présent"}, marqué le {dateHeure(enfant.pointage.marqueLe)}
            {enfant.pointage.par ? ` par ${enfant.pointage.par}` : ""}
          </p>
        )}
        <span className="hidden print:inline">☐ présent ☐ absent</span>
      </td>
    </tr>
  );
}
