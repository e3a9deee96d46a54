// Paramétrage des réservations (administrators): a school year's dates, the commune's school zone and its holidays
// (the official calendar's file imported), and for each activity its validation and capacities, its deadlines, and its opening days:
// generated from the weekdays ticked, previewed (?apercu=1) before they are saved, a single day opened or
// removed; the commune's closures.
import Link from "next/link";
import { SimpleForm } from "@/components/ui/SimpleForm";
import { requireAgent } from "@/lib/auth/current";
import { libelleDelai, lireDelai } from "@/lib/domain/calendrier/delais";
import { ajouterJours, jourEnClair, jourSemaine, nomJour, type Jour } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";
import { apercuJours } from "@/lib/domain/calendrier/apercu-jours";
import { parametresReservations } from "@/lib/domain/calendrier/queries";
import { joursCoches } from "@/lib/domain/calendrier/schemas";
import {
  enregistrerJoursAction,
  fermerAction,
  importerCalendrierAction,
  modifierAnneeAction,
  modifierDelaisAction,
  modifierJourAction,
  modifierReglesAction,
  modifierZoneAction,
} from "./actions";
import { FermetureForm } from "./FermetureForm";
import { AnneeForm, DelaisForm, ImportForm, JourForm, ReglesForm, ZoneForm } from "./ReservationsForms";

export const metadata = { title: "Paramétrage des réservations" };

type Params = Record<string, string | undefined>;

const avecAnnee = (jour: Jour) => `${jourEnClair(jour)} ${jour.slice(0, 4)}`;
const nombre = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

/** Days listed by month, compact: "septembre 2026 : 1, 3, 4…". */
function ParMois({ jours }: { jours: Jour[] }) {
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

function Section({ id, titre, children }: { id: string; titre: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="carte mb-6">
      <h2 id={id} className="mb-4 text-lg font-bold uppercase text-marque-fonce">
        {titre}
      </h2>
      {children}
    </section>
  );
}

export default async function ParametrageReservationsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAgent("ADMIN");
  const params = await searchParams;
  const { zone, annees, annee, activites, fermetures, vacances } = await parametresReservations({
    anneeId: Number(params.annee) || undefined,
    now: await maintenant(),
  });
  const activite = activites.find((a) => String(a.id) === params.activite) ?? activites[0];
  const lien = (p: Params) =>
    `?${new URLSearchParams(Object.entries({ annee: annee ? String(annee.id) : undefined, ...p }).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;

  // the preview: the weekdays ticked (or the activity's own), for all units and lieux or one of each
  const demandeApercu = params.apercu === "1" && activite && annee;
  const coches = demandeApercu ? joursCoches(params) : (activite?.joursSemaine ?? []);
  const uniteId = Number(params.unite) || null;
  const lieuId = Number(params.lieu) || null;
  const apercu =
    demandeApercu && coches.length > 0
      ? await apercuJours({ activiteId: activite.id, anneeId: annee.id, joursSemaine: coches, uniteId, lieuId })
      : null;
  const portee = [
    activite?.unites.find((u) => u.id === uniteId)?.libelle ?? "toutes les unités",
    activite?.lieux.find((l) => l.id === lieuId)?.nom ?? "tous les lieux",
  ].join(", ");
  // the délais' example: the first Monday of the year
  const exemple = annee ? ajouterJours(annee.debut, (8 - jourSemaine(annee.debut)) % 7) : "2026-09-07";

  return (
    <div>
      <p className="mb-2">
        <Link href="/agent/parametrage">Paramétrage</Link> › Réservations
      </p>
      <h1 className="titre-page mb-2">Paramétrage des réservations</h1>
      {annees.length > 1 && (
        <nav aria-label="Années scolaires" className="mb-4">
          <ul className="flex flex-wrap gap-3">
            {annees.map((a) => (
              <li key={a.id}>
                <Link href={`?annee=${a.id}`} aria-current={a.id === annee?.id ? "page" : undefined}>
                  {a.libelle}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {!annee ? (
        <p className="mb-6">Aucune année scolaire n&apos;est enregistrée.</p>
      ) : (
        <Section id="annee" titre={`Année scolaire ${annee.libelle}`}>
          <p className="mb-4">
            Du {avecAnnee(annee.debut)} au {avecAnnee(annee.fin)}.
          </p>
          <AnneeForm action={modifierAnneeAction} annee={annee} />
        </Section>
      )}

      <Section id="calendrier" titre={`Vacances scolaires (${zone})`}>
        <ZoneForm action={modifierZoneAction} zone={zone} />
        {vacances.length > 0 ? (
          <ul className="mb-4 text-sm">
            {vacances.map((v) => (
              <li key={`${v.description}-${v.debut}`}>
                {v.description} : après la classe du {avecAnnee(v.debut)}, reprise le {avecAnnee(v.fin)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4">Aucune période de vacances de la {zone} cette année : importez le calendrier scolaire.</p>
        )}
        <ImportForm action={importerCalendrierAction} zone={zone} />
      </Section>

      <nav aria-label="Activités" className="mb-4">
        <h2 className="mb-2 text-lg font-bold uppercase text-marque-fonce">Activités</h2>
        <ul className="flex flex-wrap gap-3">
          {activites.map((a) => (
            <li key={a.id}>
              <Link
                href={lien({ activite: String(a.id) })}
                aria-current={a.id === activite?.id ? "page" : undefined}
                className={a.id === activite?.id ? "font-bold" : undefined}
              >
                {a.libelle}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {activite && (
        <>
          <Section id="regles" titre={`${activite.libelle} : validation et capacités`}>
            <ReglesForm
              key={`regles-${activite.id}`}
              action={modifierReglesAction}
              activite={{
                id: activite.id,
                libelle: activite.libelle,
                validation: activite.validation,
                unites: activite.unites,
              }}
            />
          </Section>

          <Section id="delais" titre={`${activite.libelle} : délais`}>
            <dl className="mb-4 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
              <dt className="font-semibold">Réserver</dt>
              <dd>
                {(lireDelai(activite.delaiReservation) && libelleDelai(lireDelai(activite.delaiReservation)!)) ??
                  "non paramétré : rien n'est réservable"}
              </dd>
              <dt className="font-semibold">Annuler</dt>
              <dd>
                {(lireDelai(activite.delaiAnnulation) && libelleDelai(lireDelai(activite.delaiAnnulation)!)) ??
                  "non paramétré"}
              </dd>
            </dl>
            <DelaisForm
              key={`delais-${activite.id}`}
              action={modifierDelaisAction}
              activite={{
                id: activite.id,
                reservation: lireDelai(activite.delaiReservation),
                annulation: lireDelai(activite.delaiAnnulation),
              }}
              exemple={exemple}
            />
          </Section>

          {annee && (
            <Section id="jours" titre={`${activite.libelle} : jours d'ouverture`}>
              <p className="mb-2">
                {nombre(activite.dates.length, "jour")} d&apos;ouverture en {annee.libelle} (
                {nombre(activite.jours, "jour")} par unité et lieu).
              </p>
              {activite.dates.length > 0 && (
                <details className="mb-4">
                  <summary className="cursor-pointer">Voir les jours d&apos;ouverture enregistrés</summary>
                  <ParMois jours={activite.dates} />
                </details>
              )}

              <h3 className="mb-2 font-semibold">Générer les jours de l&apos;année</h3>
              <form method="get" action="#apercu" className="mb-4">
                <input type="hidden" name="annee" value={annee.id} />
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
                  {demandeApercu && coches.length === 0 && (
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

              {apercu && (
                <section
                  id="apercu"
                  aria-labelledby="apercu-titre"
                  className="mb-6 rounded-md border-2 border-marque p-3"
                >
                  <h3 id="apercu-titre" className="mb-2 font-semibold">
                    Aperçu : {activite.libelle}, {portee}, {apercu.joursSemaine.map(nomJour).join(", ")}
                  </h3>
                  <p className="mb-2">
                    {nombre(apercu.ouverts.length, "jour")} d&apos;ouverture ; +{" "}
                    {nombre(apercu.joursAjoutes.length, "jour")} à ajouter, −{" "}
                    {nombre(apercu.joursRetires.length, "jour")} à retirer ({apercu.ajouts} créations et{" "}
                    {apercu.retraits} suppressions par unité et lieu).
                  </p>
                  {apercu.joursReserves.length > 0 && (
                    <p className="mb-2 font-semibold">
                      {nombre(apercu.joursReserves.length, "jour")} réservé{apercu.joursReserves.length > 1 ? "s" : ""}{" "}
                      gardé{apercu.joursReserves.length > 1 ? "s" : ""} : à traiter par un agent (
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
                      activiteId: String(activite.id),
                      anneeId: String(annee.id),
                      uniteId: uniteId ? String(uniteId) : "",
                      lieuId: lieuId ? String(lieuId) : "",
                      ...Object.fromEntries(apercu.joursSemaine.map((j) => [`jours-${j}`, "on"])),
                    }}
                  />
                </section>
              )}

              <h3 className="mb-2 font-semibold">Ouvrir ou retirer un jour</h3>
              <JourForm
                key={`jour-${activite.id}`}
                action={modifierJourAction}
                activite={{ id: activite.id, unites: activite.unites, lieux: activite.lieux }}
              />
            </Section>
          )}
        </>
      )}

      <Section id="fermetures" titre="Fermetures de la commune">
        {fermetures.length > 0 && (
          <ul className="mb-4 text-sm">
            {fermetures.map((f) => (
              <li key={f.id}>
                {avecAnnee(f.date)} : {f.libelle}
              </li>
            ))}
          </ul>
        )}
        <FermetureForm action={fermerAction} />
      </Section>
    </div>
  );
}
