"use client";
// The month view of Gérer mes réservations: one toggle per unit and opening day (aria-pressed), locked days
// saying why, a week pattern (« Appliquer une semaine type ») and « Copier la semaine précédente » that only
// change what is on screen, then « Enregistrer », which shows the change before sending it. Everything is
// checked again by the server; a refused day comes back with its reason.
//
// The server renders one month (?mois=2026-10); « Mois précédent » / « Mois suivant » ask it for the next one
// while this component, and the changes not yet saved, stay. What the changes are (the draft, its diff, the
// week tools, the exclusive units) is lib/domain/reservation/brouillon.ts, over the year's open days the page
// carries as a compact text (annee-compacte.ts); this component holds the draft and draws it.
import { usePathname, useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { BarreEnregistrement } from "@/components/reservation/BarreEnregistrement";
import { CaseUnite } from "@/components/reservation/CaseUnite";
import { Legende } from "@/components/reservation/Legende";
import { ReponseEnregistrement } from "@/components/reservation/ReponseEnregistrement";
import { SemaineTypeForm } from "@/components/reservation/SemaineTypeForm";
import type { Action } from "@/lib/action";
import { decoderAnnee } from "@/lib/domain/reservation/annee-compacte";
import {
  appliquerSemaineType,
  basculer,
  changements,
  cleCase,
  copierSemainePrecedente,
  etatAffiche,
  reserve,
  type Brouillon,
  type Modifs,
} from "@/lib/domain/reservation/brouillon";
import type { Calendrier, JourCalendrier } from "@/lib/domain/reservation/queries";
import { MOIS } from "@/lib/temps/jours-calcul";

type Ouvert = Extract<Calendrier, { ouvert: true }>;

const enMajuscule = (texte: string) => texte.replace(/^./, (c) => c.toUpperCase());

export function CalendrierReservations({
  calendrier,
  prenom,
  action,
  traces,
  lienPropositions,
}: {
  calendrier: Ouvert;
  prenom: string;
  action: Action;
  /** each case's last change in words (« annulé le 10/12 à 11:58 »), keyed "jour|uniteId" (cleCase) */
  traces?: Readonly<Record<string, string>>;
  /** the parent's « Places proposées », named by the legend (a place offered is answered there) */
  lienPropositions?: string;
}) {
  const { state, formAction, pending, numero, attente } = useFormulaireAction(action);
  const [modifs, setModifs] = useState<Modifs>({});
  const router = useRouter();
  const chemin = usePathname();
  const [navigation, naviguer] = useTransition();
  const unites = useMemo(() => new Map(calendrier.unites.map((u) => [u.id, u])), [calendrier.unites]);
  const annee = useMemo(() => decoderAnnee(calendrier.annuel), [calendrier.annuel]);
  const brouillon: Brouillon = { annee, unites, modifs };

  // a save answered: what it wrote is now the page's state, so the pending changes are dropped (adjusted
  // while rendering, as React advises, rather than in an effect)
  const [reponseVue, setReponseVue] = useState(state);
  if (state !== reponseVue) {
    setReponseVue(state);
    setModifs({});
  }

  /** Another month from the server; this component, and the changes not yet saved, stay. */
  const allerAuMois = (mois: string) =>
    naviguer(() => router.push(`${chemin}?inscription=${calendrier.inscriptionId}&mois=${mois}`, { scroll: false }));
  const [anneeMois, numeroMois] = calendrier.mois.split("-");

  return (
    <div className="space-y-4">
      {attente}
      {state.message && (
        <ReponseEnregistrement
          // a new answer, a new alert: it comes into view and takes the focus again
          key={`reponse-${numero}`}
          message={state.message}
          ok={Boolean(state.ok)}
          refus={state.errors}
          libelleUnite={(id) => unites.get(id)?.libelle}
        />
      )}
      {calendrier.message && <p className="rounded-md bg-stone-100 p-3">{calendrier.message}</p>}
      <p className="font-semibold">{calendrier.activite}</p>
      {calendrier.prochaineCloture && <p>{calendrier.prochaineCloture}</p>}

      <SemaineTypeForm
        joursSemaine={calendrier.joursSemaine}
        unites={calendrier.unites}
        premier={calendrier.premier}
        dernier={calendrier.dernier}
        onAppliquer={(type) => setModifs(appliquerSemaineType(brouillon, type))}
      />

      <div className="flex flex-wrap items-center justify-between gap-2">
        <button
          type="button"
          className="bouton-secondaire"
          disabled={!calendrier.moisPrecedent}
          onClick={() => calendrier.moisPrecedent && allerAuMois(calendrier.moisPrecedent)}
        >
          Mois précédent
        </button>
        <h2 className="text-lg font-bold" aria-live="polite">
          {enMajuscule(MOIS[Number(numeroMois) - 1] ?? "")} {anneeMois}
        </h2>
        <button
          type="button"
          className="bouton-secondaire"
          disabled={!calendrier.moisSuivant}
          onClick={() => calendrier.moisSuivant && allerAuMois(calendrier.moisSuivant)}
        >
          Mois suivant
        </button>
      </div>

      <Legende lienPropositions={lienPropositions} />

      <div className={`space-y-4 ${navigation ? "opacity-60" : ""}`} aria-busy={navigation || undefined}>
        {calendrier.semaines.map(({ lundi, titre, jours: semaine }) => (
          <section key={lundi} aria-labelledby={`semaine-${lundi}`} className="rounded-md border border-stone-300 p-2">
            <div className="mb-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <h3 id={`semaine-${lundi}`} className="font-semibold">
                Semaine du {titre}
              </h3>
              {!calendrier.lectureSeule && (
                <button
                  type="button"
                  className="bouton-secondaire text-sm"
                  onClick={() => setModifs(copierSemainePrecedente(brouillon, semaine))}
                >
                  Copier la semaine précédente
                  <span className="sr-only"> sur la semaine du {lundi.split("-").reverse().join("/")}</span>
                </button>
              )}
            </div>
            <ul className="space-y-2">
              {semaine.map((j) => (
                <LigneJour
                  key={j.jour}
                  j={j}
                  brouillon={brouillon}
                  lectureSeule={calendrier.lectureSeule}
                  refus={state.errors}
                  traces={traces}
                  libelleUnite={(id) => unites.get(id)?.libelle ?? ""}
                  onBasculer={(uniteId) => setModifs(basculer(brouillon, j.jour, uniteId))}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>

      {!calendrier.lectureSeule && (
        <BarreEnregistrement
          // a new answer closes the preview
          key={`barre-${numero}`}
          formAction={formAction}
          pending={pending}
          pour={prenom}
          champs={<input type="hidden" name="inscriptionId" value={calendrier.inscriptionId} />}
          changements={changements(brouillon)}
        />
      )}
    </div>
  );
}

/** One day of a week: its name, then its units' toggles and until when they may change, or why it is closed. */
function LigneJour({
  j,
  brouillon,
  lectureSeule,
  refus,
  traces,
  libelleUnite,
  onBasculer,
}: {
  j: JourCalendrier;
  brouillon: Brouillon;
  lectureSeule: boolean;
  refus: Record<string, string>;
  traces?: Readonly<Record<string, string>>;
  libelleUnite: (uniteId: number) => string;
  onBasculer: (uniteId: number) => void;
}) {
  return (
    <li className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
      <span className="font-medium sm:w-48">{j.libelle}</span>
      {j.ferme ? (
        <span className="text-sm text-stone-700">{j.info}</span>
      ) : (
        <>
          <span className="flex flex-wrap gap-2">
            {j.cases.map((c) => (
              <CaseUnite
                key={c.uniteId}
                jour={j.jour}
                libelleJour={j.libelle}
                libelle={libelleUnite(c.uniteId)}
                c={c}
                etat={etatAffiche(brouillon, j.jour, c)}
                reserve={reserve(brouillon, j.jour, c.uniteId)}
                lectureSeule={lectureSeule}
                refusee={Boolean(refus[cleCase(j.jour, c.uniteId)])}
                onBasculer={() => onBasculer(c.uniteId)}
                trace={traces?.[cleCase(j.jour, c.uniteId)]}
              />
            ))}
          </span>
          <span id={`info-${j.jour}`} className="text-sm text-stone-700">
            {j.info}
          </span>
        </>
      )}
    </li>
  );
}
