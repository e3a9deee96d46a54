// Paramétrage des réservations (administrators): a school year's dates, the commune's school zone and its holidays
// (the official calendar's file imported), and for each activity its validation and capacities, its deadlines, and its opening days:
// generated from the weekdays ticked, previewed (?apercu=1) before they are saved, a single day opened or
// removed; the commune's closures.
import Link from "next/link";
import { requireAgent } from "@/lib/auth/current";
import { libelleDelai, lireDelai } from "@/lib/domain/calendrier/delais";
import { ajouterJours, jourSemaine, type Jour } from "@/lib/temps/jours";
import { maintenant } from "@/lib/web/horloge";
import { apercuJours } from "@/lib/domain/calendrier/apercu-jours";
import { parametresReservations } from "@/lib/domain/calendrier/queries";
import { joursCoches } from "@/lib/domain/calendrier/schemas";
import {
  fermerAction,
  importerCalendrierAction,
  modifierAnneeAction,
  modifierDelaisAction,
  modifierJourAction,
  modifierReglesAction,
  modifierZoneAction,
} from "./actions";
import { FermetureForm } from "./FermetureForm";
import { ApercuGeneration, avecAnnee, GenerationForm, nombre, ParMois } from "./Generation";
import { AnneeForm, DelaisForm, ImportForm, JourForm, ReglesForm, ZoneForm } from "./ReservationsForms";
import { sansPointFinal } from "@/lib/texte/point-final";

export const metadata = { title: "Paramétrage des réservations" };

type Params = Record<string, string | undefined>;

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

type Parametres = Awaited<ReturnType<typeof parametresReservations>>;

/** The commune's zone, its holidays this year, and the import of the official calendar. */
function SectionVacances({ zone, vacances }: Pick<Parametres, "zone" | "vacances">) {
  return (
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
  );
}

/** An activity's deadlines in words, and their form. */
function SectionDelais({ activite, exemple }: { activite: Parametres["activites"][number]; exemple: Jour }) {
  return (
    <Section id="delais" titre={`${sansPointFinal(activite.libelle)} : délais`}>
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
  );
}

/** The school years, the one shown marked as the current page. */
function NavAnnees({ annees, courante }: { annees: Parametres["annees"]; courante?: number }) {
  return (
    <nav aria-label="Années scolaires" className="mb-4">
      <ul className="flex flex-wrap gap-3">
        {annees.map((a) => (
          <li key={a.id}>
            <Link href={`?annee=${a.id}`} aria-current={a.id === courante ? "page" : undefined}>
              {a.libelle}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
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
      {annees.length > 1 && <NavAnnees annees={annees} courante={annee?.id} />}

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

      <SectionVacances zone={zone} vacances={vacances} />

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
          <Section id="regles" titre={`${sansPointFinal(activite.libelle)} : validation et capacités`}>
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

          <SectionDelais activite={activite} exemple={exemple} />

          {annee && (
            <Section id="jours" titre={`${sansPointFinal(activite.libelle)} : jours d'ouverture`}>
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
              <GenerationForm
                anneeId={annee.id}
                activite={activite}
                zone={zone}
                coches={coches}
                sansJour={Boolean(demandeApercu) && coches.length === 0}
                uniteId={uniteId}
                lieuId={lieuId}
              />

              {apercu && (
                <ApercuGeneration
                  apercu={apercu}
                  titre={`${sansPointFinal(activite.libelle)}, ${portee}`}
                  cachees={{
                    activiteId: String(activite.id),
                    anneeId: String(annee.id),
                    uniteId: uniteId ? String(uniteId) : "",
                    lieuId: lieuId ? String(lieuId) : "",
                  }}
                />
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
