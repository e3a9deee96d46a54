"use client";
// The month view of Gérer mes réservations: one toggle per unit and opening day (aria-pressed), locked days
// saying why, a week pattern ("Appliquer une semaine type") and "Copier la semaine précédente" that only
// change what is on screen, then "Enregistrer", which shows the change before sending it. Everything is
// checked again by the server; a refused day comes back with its reason.
//
// The server renders one month (?mois=2026-10); "Mois précédent" / "Mois suivant" ask it for the next one
// while this component, and the changes not yet saved, stay. The tools and the preview work on the year's open
// days the page carries as a compact text (lib/domain/reservation/annee-compacte.ts: each unit's state and
// whether it may still change).
import { usePathname, useRouter } from "next/navigation";
import { useActionState, useMemo, useState, useTransition } from "react";
import type { Action } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { decoderAnnee, type EtatCase } from "@/lib/domain/reservation/annee-compacte";
import type { Calendrier, JourCalendrier } from "@/lib/domain/reservation/queries";
import { ajouterJours, ecartJours, jourEnClair, jourSemaine, nomJour, semaineIso, type Jour } from "@/lib/temps/jours";

type Ouvert = Extract<Calendrier, { ouvert: true }>;
type Frequence = "CHAQUE" | "UNE_SUR_DEUX" | "PAIRES" | "IMPAIRES";

const MOIS = [
  "Janvier",
  "Février",
  "Mars",
  "Avril",
  "Mai",
  "Juin",
  "Juillet",
  "Août",
  "Septembre",
  "Octobre",
  "Novembre",
  "Décembre",
];
const cle = (jour: Jour, uniteId: number) => `${jour}|${uniteId}`;
const ETATS: Record<EtatCase, string> = {
  RESERVEE: "réservé",
  ATTENTE: "en liste d'attente",
  A_VALIDER: "en attente de validation",
  REFUSEE: "refusé par le service",
  LIBRE: "non réservé",
  AUTRE_FOYER: "réservé par l'autre foyer",
  ABSENCE_SIGNALEE: "absence signalée, en cours de traitement",
  ABSENCE_JUSTIFIEE: "absence justifiée, non facturée",
  ABSENCE_INJUSTIFIEE: "absence injustifiée, facturée",
  NON_ASSURE: "service non assuré, non facturé",
};
/** a day an absence or a service non assuré decided: its own mark, never toggled here */
const FIGES: Partial<Record<EtatCase, string>> = {
  ABSENCE_SIGNALEE: "✎",
  ABSENCE_JUSTIFIEE: "✚",
  ABSENCE_INJUSTIFIEE: "✖",
  NON_ASSURE: "⛔",
};

export function CalendrierReservations({
  calendrier,
  prenom,
  action,
}: {
  calendrier: Ouvert;
  prenom: string;
  action: Action;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, { values: {}, errors: {} });
  const [modifs, setModifs] = useState<Record<string, boolean>>({});
  const [apercu, setApercu] = useState(false);
  const router = useRouter();
  const chemin = usePathname();
  const [navigation, naviguer] = useTransition();
  const unites = new Map(calendrier.unites.map((u) => [u.id, u]));
  // the year's open days, in order, with their cases (closed days have none and are never changed)
  const annee = useMemo(() => decoderAnnee(calendrier.annuel), [calendrier.annuel]);

  // a save answered: what it wrote is now the page's state, so the pending changes are dropped (adjusted
  // while rendering, as React advises, rather than in an effect)
  const [reponseVue, setReponseVue] = useState(state);
  if (state !== reponseVue) {
    setReponseVue(state);
    setModifs({});
    setApercu(false);
  }

  const initial = (jour: Jour, uniteId: number) => {
    const c = annee.get(jour)?.find((x) => x.uniteId === uniteId);
    return c?.etat === "RESERVEE" || c?.etat === "ATTENTE" || c?.etat === "A_VALIDER";
  };
  const effectif = (jour: Jour, uniteId: number, m = modifs) => m[cle(jour, uniteId)] ?? initial(jour, uniteId);

  /** Sets a day × unit in `m`; booking an exclusive unit releases the other exclusive units of the day. */
  function poser(m: Record<string, boolean>, jour: Jour, uniteId: number, valeur: boolean) {
    const cases = annee.get(jour) ?? [];
    const c = cases.find((x) => x.uniteId === uniteId);
    if (!c?.modifiable) return;
    if (valeur && unites.get(uniteId)?.exclusive) {
      for (const autre of cases) {
        if (
          autre.uniteId !== uniteId &&
          autre.modifiable &&
          unites.get(autre.uniteId)?.exclusive &&
          effectif(jour, autre.uniteId, m)
        ) {
          m[cle(jour, autre.uniteId)] = false;
        }
      }
      if (
        cases.some(
          (a) =>
            a.uniteId !== uniteId && !a.modifiable && unites.get(a.uniteId)?.exclusive && effectif(jour, a.uniteId, m),
        )
      )
        return;
    }
    m[cle(jour, uniteId)] = valeur;
  }

  const changements = [...annee].flatMap(([jour, cases]) =>
    cases
      .filter((c) => effectif(jour, c.uniteId) !== initial(jour, c.uniteId))
      .map((c) => ({ date: jour, uniteId: c.uniteId, reserver: effectif(jour, c.uniteId) })),
  );
  const plus = changements.filter((c) => c.reserver).length;
  const moins = changements.length - plus;

  function basculer(jour: Jour, uniteId: number) {
    const m = { ...modifs };
    poser(m, jour, uniteId, !effectif(jour, uniteId));
    setModifs(m);
  }

  function copierSemainePrecedente(semaine: JourCalendrier[]) {
    const m = { ...modifs };
    for (const j of semaine) {
      const avant = ajouterJours(j.jour, -7);
      if (!annee.has(avant)) continue;
      for (const c of j.cases) poser(m, j.jour, c.uniteId, effectif(avant, c.uniteId, m));
    }
    setModifs(m);
  }

  function appliquerSemaineType(form: HTMLFormElement) {
    const donnees = new FormData(form);
    const du = String(donnees.get("du") || calendrier.premier);
    const au = String(donnees.get("au") || calendrier.dernier);
    const frequence = String(donnees.get("frequence")) as Frequence;
    const annulerAutres = donnees.get("annulerAutres") === "on";
    const lundiDepart = ajouterJours(du, 1 - jourSemaine(du));
    const m = { ...modifs };
    for (const [jour, cases] of annee) {
      if (jour < du || jour > au) continue;
      const semaine = semaineIso(jour);
      const retenue =
        frequence === "CHAQUE" ||
        (frequence === "PAIRES" && semaine % 2 === 0) ||
        (frequence === "IMPAIRES" && semaine % 2 === 1) ||
        (frequence === "UNE_SUR_DEUX" && Math.floor(ecartJours(lundiDepart, jour) / 7) % 2 === 0);
      for (const c of cases) {
        const coche = retenue && donnees.get(`type-${jourSemaine(jour)}-${c.uniteId}`) === "on";
        if (coche) poser(m, jour, c.uniteId, true);
        else if (annulerAutres && effectif(jour, c.uniteId, m)) poser(m, jour, c.uniteId, false);
      }
    }
    setModifs(m);
  }

  /** Another month from the server; this component, and the changes not yet saved, stay. */
  const allerAuMois = (mois: string) =>
    naviguer(() => router.push(`${chemin}?inscription=${calendrier.inscriptionId}&mois=${mois}`, { scroll: false }));
  const [anneeMois, numeroMois] = calendrier.mois.split("-");
  const refus = Object.entries(state.errors);

  return (
    <div className="space-y-4">
      {state.message && (
        <div
          role={state.ok ? "status" : "alert"}
          className={`rounded-md border-l-4 p-4 ${state.ok ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}
        >
          <p className="font-semibold">{state.message}</p>
          {refus.length > 0 && (
            <ul className="mt-2 list-disc pl-5 text-sm">
              {refus.map(([k, raison]) => {
                const [jour, uniteId] = k.split("|");
                return (
                  <li key={k}>
                    {jourEnClair(jour!).replace(/^./, (c) => c.toUpperCase())}, {unites.get(Number(uniteId))?.libelle} :{" "}
                    {raison}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {calendrier.message && <p className="rounded-md bg-stone-100 p-3">{calendrier.message}</p>}
      <p className="font-semibold">{calendrier.activite}</p>
      {calendrier.prochaineCloture && <p>{calendrier.prochaineCloture}</p>}

      <details className="rounded-md border border-stone-300 p-3">
        <summary className="cursor-pointer font-semibold">Appliquer une semaine type</summary>
        <form
          className="mt-3 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            appliquerSemaineType(e.currentTarget);
          }}
        >
          <fieldset>
            <legend className="font-semibold">Jours et unités</legend>
            <ul className="grid gap-1 sm:grid-cols-2">
              {calendrier.joursSemaine.flatMap((js) =>
                calendrier.unites.map((u) => (
                  <li key={`${js}-${u.id}`}>
                    <label className="flex min-h-11 items-center gap-2">
                      <input type="checkbox" name={`type-${js}-${u.id}`} className="size-5" />
                      {nomJour(js).replace(/^./, (c) => c.toUpperCase())}, {u.libelle}
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
            <label className="flex flex-col">
              Du
              <input
                type="date"
                name="du"
                className="champ"
                defaultValue={calendrier.premier ?? undefined}
                min={calendrier.premier ?? undefined}
                max={calendrier.dernier ?? undefined}
              />
            </label>
            <label className="flex flex-col">
              Au
              <input
                type="date"
                name="au"
                className="champ"
                defaultValue={calendrier.dernier ?? undefined}
                min={calendrier.premier ?? undefined}
                max={calendrier.dernier ?? undefined}
              />
            </label>
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

      <div className="flex items-center justify-between gap-2">
        <button
          type="button"
          className="bouton-secondaire"
          disabled={!calendrier.moisPrecedent}
          onClick={() => calendrier.moisPrecedent && allerAuMois(calendrier.moisPrecedent)}
        >
          Mois précédent
        </button>
        <h2 className="text-lg font-bold" aria-live="polite">
          {MOIS[Number(numeroMois) - 1]} {anneeMois}
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

      <ul aria-label="Légende" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li>
          <span aria-hidden="true">✔</span> Réservé
        </li>
        <li>
          <span aria-hidden="true">○</span> Non réservé
        </li>
        <li>
          <span aria-hidden="true">⌛</span> Liste d&apos;attente ou en attente de validation
        </li>
        <li>
          <span aria-hidden="true">✖</span> Refusé par le service
        </li>
        <li>
          <span aria-hidden="true">⊘</span> Réservé par l&apos;autre foyer
        </li>
        <li>
          <span aria-hidden="true">🔒</span> Non modifiable
        </li>
        <li>
          <span aria-hidden="true">✎</span> Absence signalée
        </li>
        <li>
          <span aria-hidden="true">✚</span> Absence justifiée (non facturée)
        </li>
        <li>
          <span aria-hidden="true">✖</span> Absence injustifiée (facturée)
        </li>
        <li>
          <span aria-hidden="true">⛔</span> Service non assuré (non facturé)
        </li>
      </ul>

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
                  onClick={() => copierSemainePrecedente(semaine)}
                >
                  Copier la semaine précédente
                  <span className="sr-only"> sur la semaine du {lundi.split("-").reverse().join("/")}</span>
                </button>
              )}
            </div>
            <ul className="space-y-2">
              {semaine.map((j) => (
                <li key={j.jour} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
                  <span className="font-medium sm:w-48">{j.libelle}</span>
                  {j.ferme ? (
                    <span className="text-sm text-stone-700">{j.info}</span>
                  ) : (
                    <>
                      <span className="flex flex-wrap gap-2">
                        {j.cases.map((c) => {
                          const reserve = effectif(j.jour, c.uniteId);
                          const fige = FIGES[c.etat];
                          const etat: EtatCase =
                            c.etat === "AUTRE_FOYER" || fige
                              ? c.etat
                              : reserve
                                ? c.etat === "ATTENTE" || c.etat === "A_VALIDER"
                                  ? c.etat
                                  : "RESERVEE"
                                : c.etat === "REFUSEE" && !(cle(j.jour, c.uniteId) in modifs)
                                  ? "REFUSEE"
                                  : "LIBRE";
                          const libelle = unites.get(c.uniteId)!.libelle;
                          const refusee = state.errors[cle(j.jour, c.uniteId)];
                          return (
                            <button
                              key={c.uniteId}
                              type="button"
                              aria-pressed={reserve}
                              aria-disabled={!c.modifiable || calendrier.lectureSeule || undefined}
                              aria-label={`${j.libelle}, ${libelle}, ${ETATS[etat]}`}
                              aria-describedby={`info-${j.jour}`}
                              onClick={() => c.modifiable && !calendrier.lectureSeule && basculer(j.jour, c.uniteId)}
                              className={`min-h-11 rounded-md border-2 px-3 text-sm ${
                                reserve ? "border-green-800 bg-green-100 font-semibold" : "border-stone-400 bg-white"
                              } ${c.modifiable ? "" : "cursor-not-allowed opacity-70"} ${refusee ? "outline outline-2 outline-red-700" : ""}`}
                            >
                              <span aria-hidden="true">
                                {fige
                                  ? fige
                                  : c.etat === "AUTRE_FOYER"
                                    ? "⊘"
                                    : !c.modifiable
                                      ? "🔒"
                                      : etat === "ATTENTE" || etat === "A_VALIDER"
                                        ? "⌛"
                                        : etat === "REFUSEE"
                                          ? "✖"
                                          : reserve
                                            ? "✔"
                                            : "○"}{" "}
                              </span>
                              {libelle}
                            </button>
                          );
                        })}
                      </span>
                      <span id={`info-${j.jour}`} className="text-sm text-stone-700">
                        {j.info}
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>

      {!calendrier.lectureSeule && (
        <form action={formAction} className="sticky bottom-0 space-y-2 border-t border-stone-300 bg-white py-3">
          <input type="hidden" name="inscriptionId" value={calendrier.inscriptionId} />
          <input type="hidden" name="changements" value={JSON.stringify(changements)} />
          {apercu ? (
            <div role="region" aria-label="Changements à enregistrer" className="space-y-2">
              <p className="font-semibold">
                Changements pour {prenom} : + {plus} jour{plus > 1 ? "s" : ""}, − {moins} jour{moins > 1 ? "s" : ""}
              </p>
              <div className="flex flex-col gap-2 sm:flex-row">
                <button type="submit" className="bouton-principal" disabled={pending}>
                  Confirmer l&apos;enregistrement
                </button>
                <button type="button" className="bouton-secondaire" onClick={() => setApercu(false)}>
                  Revenir au calendrier
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="bouton-principal"
              disabled={changements.length === 0}
              onClick={() => setApercu(true)}
            >
              Enregistrer
            </button>
          )}
        </form>
      )}
    </div>
  );
}
