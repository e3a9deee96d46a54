"use client";
// The month view of Gérer mes réservations: one toggle per unit and opening day (aria-pressed), locked days
// saying why, a week pattern ("Appliquer une semaine type") and "Copier la semaine précédente" that only
// change what is on screen, then "Enregistrer", which shows the change before sending it. Everything is
// checked again by the server; a refused day comes back with its reason.
import { useActionState, useMemo, useState } from "react";
import type { Action } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import type { Calendrier, EtatCase, JourCalendrier } from "@/lib/domain/reservation/queries";
import { ajouterJours, ecartJours, jourSemaine, nomJour, semaineIso, type Jour } from "@/lib/domain/reservation/jours";

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
  const unites = new Map(calendrier.unites.map((u) => [u.id, u]));
  const jours = calendrier.jours;
  const parJour = useMemo(() => new Map(jours.map((j) => [j.jour, j])), [jours]);
  const mois = [...new Set(jours.map((j) => j.jour.slice(0, 7)))];
  const [moisVu, setMoisVu] = useState(() =>
    Math.max(
      0,
      mois.indexOf(calendrier.aujourdhui.slice(0, 7)) === -1 ? 0 : mois.indexOf(calendrier.aujourdhui.slice(0, 7)),
    ),
  );

  // a save answered: what it wrote is now the page's state, so the pending changes are dropped (adjusted
  // while rendering, as React advises, rather than in an effect)
  const [reponseVue, setReponseVue] = useState(state);
  if (state !== reponseVue) {
    setReponseVue(state);
    setModifs({});
    setApercu(false);
  }

  const initial = (j: JourCalendrier, uniteId: number) => {
    const c = j.cases.find((x) => x.uniteId === uniteId);
    return c?.etat === "RESERVEE" || c?.etat === "ATTENTE" || c?.etat === "A_VALIDER";
  };
  const effectif = (j: JourCalendrier, uniteId: number, m = modifs) => m[cle(j.jour, uniteId)] ?? initial(j, uniteId);

  /** Sets a day × unit in `m`; booking an exclusive unit releases the other exclusive units of the day. */
  function poser(m: Record<string, boolean>, j: JourCalendrier, uniteId: number, valeur: boolean) {
    const c = j.cases.find((x) => x.uniteId === uniteId);
    if (!c?.modifiable) return;
    if (valeur && unites.get(uniteId)?.exclusive) {
      for (const autre of j.cases) {
        if (
          autre.uniteId !== uniteId &&
          autre.modifiable &&
          unites.get(autre.uniteId)?.exclusive &&
          effectif(j, autre.uniteId, m)
        ) {
          m[cle(j.jour, autre.uniteId)] = false;
        }
      }
      if (
        j.cases.some(
          (a) =>
            a.uniteId !== uniteId && !a.modifiable && unites.get(a.uniteId)?.exclusive && effectif(j, a.uniteId, m),
        )
      )
        return;
    }
    m[cle(j.jour, uniteId)] = valeur;
  }

  const changements = jours.flatMap((j) =>
    j.cases
      .filter((c) => effectif(j, c.uniteId) !== initial(j, c.uniteId))
      .map((c) => ({ date: j.jour, uniteId: c.uniteId, reserver: effectif(j, c.uniteId) })),
  );
  const plus = changements.filter((c) => c.reserver).length;
  const moins = changements.length - plus;

  function basculer(j: JourCalendrier, uniteId: number) {
    const m = { ...modifs };
    poser(m, j, uniteId, !effectif(j, uniteId));
    setModifs(m);
  }

  function copierSemainePrecedente(semaine: JourCalendrier[]) {
    const m = { ...modifs };
    for (const j of semaine) {
      const avant = parJour.get(ajouterJours(j.jour, -7));
      if (!avant || avant.ferme) continue;
      for (const c of j.cases) poser(m, j, c.uniteId, effectif(avant, c.uniteId, m));
    }
    setModifs(m);
  }

  function appliquerSemaineType(form: HTMLFormElement) {
    const donnees = new FormData(form);
    const du = String(donnees.get("du") || jours[0]!.jour);
    const au = String(donnees.get("au") || jours.at(-1)!.jour);
    const frequence = String(donnees.get("frequence")) as Frequence;
    const annulerAutres = donnees.get("annulerAutres") === "on";
    const lundiDepart = ajouterJours(du, 1 - jourSemaine(du));
    const m = { ...modifs };
    for (const j of jours) {
      if (j.ferme || j.jour < du || j.jour > au) continue;
      const semaine = semaineIso(j.jour);
      const retenue =
        frequence === "CHAQUE" ||
        (frequence === "PAIRES" && semaine % 2 === 0) ||
        (frequence === "IMPAIRES" && semaine % 2 === 1) ||
        (frequence === "UNE_SUR_DEUX" && Math.floor(ecartJours(lundiDepart, j.jour) / 7) % 2 === 0);
      for (const c of j.cases) {
        const coche = retenue && donnees.get(`type-${jourSemaine(j.jour)}-${c.uniteId}`) === "on";
        if (coche) poser(m, j, c.uniteId, true);
        else if (annulerAutres && effectif(j, c.uniteId, m)) poser(m, j, c.uniteId, false);
      }
    }
    setModifs(m);
  }

  const joursDuMois = jours.filter((j) => j.jour.startsWith(mois[moisVu] ?? ""));
  const semaines = new Map<string, JourCalendrier[]>();
  for (const j of joursDuMois) {
    const lundi = ajouterJours(j.jour, 1 - jourSemaine(j.jour));
    semaines.set(lundi, [...(semaines.get(lundi) ?? []), j]);
  }
  const joursSemaineActivite = [...new Set(jours.map((j) => jourSemaine(j.jour)))].sort();
  const [annee, numeroMois] = (mois[moisVu] ?? "2000-01").split("-");
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
                const j = parJour.get(jour!);
                return (
                  <li key={k}>
                    {j?.libelle ?? jour}, {unites.get(Number(uniteId))?.libelle} : {raison}
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
              {joursSemaineActivite.flatMap((js) =>
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
                defaultValue={jours[0]?.jour}
                min={jours[0]?.jour}
                max={jours.at(-1)?.jour}
              />
            </label>
            <label className="flex flex-col">
              Au
              <input
                type="date"
                name="au"
                className="champ"
                defaultValue={jours.at(-1)?.jour}
                min={jours[0]?.jour}
                max={jours.at(-1)?.jour}
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
          disabled={moisVu === 0}
          onClick={() => setMoisVu(moisVu - 1)}
        >
          Mois précédent
        </button>
        <h2 className="text-lg font-bold" aria-live="polite">
          {MOIS[Number(numeroMois) - 1]} {annee}
        </h2>
        <button
          type="button"
          className="bouton-secondaire"
          disabled={moisVu >= mois.length - 1}
          onClick={() => setMoisVu(moisVu + 1)}
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

      {[...semaines.entries()].map(([lundi, semaine]) => (
        <section key={lundi} aria-labelledby={`semaine-${lundi}`} className="rounded-md border border-stone-300 p-2">
          <div className="mb-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <h3 id={`semaine-${lundi}`} className="font-semibold">
              Semaine du {parJour.get(lundi)?.libelle.toLowerCase() ?? lundi.split("-").reverse().join("/")}
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
                        const reserve = effectif(j, c.uniteId);
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
                            onClick={() => c.modifiable && !calendrier.lectureSeule && basculer(j, c.uniteId)}
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
