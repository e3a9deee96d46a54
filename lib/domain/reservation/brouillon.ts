// The month view's draft of Gérer mes réservations: what the parent has changed on screen and not yet saved,
// over the school year's open days the page carries (annee-compacte.ts). Pure: the toggles, « Appliquer une
// semaine type », « Copier la semaine précédente » and the diff « Enregistrer » sends are functions of the
// draft, tested without a browser; the component only holds the draft in its state and draws it.
//
// A day the server locked (past its deadline, an absence, the other household's) is never changed here, and
// booking an exclusive unit releases the other one with the server's own rule (unites-exclusives.ts): the
// draft never holds a change the server would refuse for a reason the page already knows.
import type { CaseJour, EtatCase } from "@/lib/domain/reservation/annee-compacte";
import type { Changement } from "@/lib/domain/reservation/enregistrer";
import { rivaleExclusive, type UniteExclusive } from "@/lib/domain/reservation/unites-exclusives";
import { ajouterJours, ecartJours, jourSemaine, semaineIso, type Jour } from "@/lib/temps/jours-calcul";

/** The changed day × unit pairs, keyed by cleCase: true to book, false to cancel. */
export type Modifs = Readonly<Record<string, boolean>>;

export type Brouillon = {
  /** the year's open days in order, each with its cases (a closed day has none) */
  annee: ReadonlyMap<Jour, readonly CaseJour[]>;
  unites: ReadonlyMap<number, UniteExclusive>;
  modifs: Modifs;
};

export type Frequence = "CHAQUE" | "UNE_SUR_DEUX" | "PAIRES" | "IMPAIRES";

export type SemaineType = {
  du: Jour;
  au: Jour;
  frequence: Frequence;
  /** the ticked boxes, as cleSemaineType(weekday, unit) */
  cochees: ReadonlySet<string>;
  /** cancel the booked days of the period that are not ticked */
  annulerAutres: boolean;
};

export const cleCase = (jour: Jour, uniteId: number) => `${jour}|${uniteId}`;
/** A box of the week pattern: ISO weekday (1 = lundi) and unit; also the name of its checkbox. */
export const cleSemaineType = (jourIso: number, uniteId: number) => `type-${jourIso}-${uniteId}`;

const caseDe = (b: Brouillon, jour: Jour, uniteId: number) => b.annee.get(jour)?.find((c) => c.uniteId === uniteId);

/** Booked (or asked for) as the server last said. */
export function reserveAuDepart(b: Brouillon, jour: Jour, uniteId: number): boolean {
  const etat = caseDe(b, jour, uniteId)?.etat;
  return etat === "RESERVEE" || etat === "ATTENTE" || etat === "A_VALIDER" || etat === "DEMANDEE";
}

/** Booked once the draft is saved. */
export function reserve(b: Brouillon, jour: Jour, uniteId: number, modifs: Modifs = b.modifs): boolean {
  return modifs[cleCase(jour, uniteId)] ?? reserveAuDepart(b, jour, uniteId);
}

/** Sets a day × unit in `m`; booking an exclusive unit first releases the day's other exclusive ones. */
function poser(b: Brouillon, m: Record<string, boolean>, jour: Jour, uniteId: number, valeur: boolean) {
  const cases = b.annee.get(jour) ?? [];
  if (!cases.find((c) => c.uniteId === uniteId)?.modifiable) return;
  const unite = b.unites.get(uniteId);
  if (valeur && unite) {
    const tenues = (modifiable: boolean) =>
      cases
        .filter((a) => a.uniteId !== uniteId && a.modifiable === modifiable && reserve(b, jour, a.uniteId, m))
        .flatMap((a) => b.unites.get(a.uniteId) ?? []);
    for (const autre of tenues(true)) if (rivaleExclusive(unite, [autre])) m[cleCase(jour, autre.id)] = false;
    // the other one is held and can no longer change: this one cannot be booked
    if (rivaleExclusive(unite, tenues(false))) return;
  }
  m[cleCase(jour, uniteId)] = valeur;
}

export function basculer(b: Brouillon, jour: Jour, uniteId: number): Modifs {
  const m = { ...b.modifs };
  poser(b, m, jour, uniteId, !reserve(b, jour, uniteId));
  return m;
}

/** Each day of the week takes what the same weekday of the week before holds in the draft. */
export function copierSemainePrecedente(b: Brouillon, jours: readonly { jour: Jour; cases: readonly CaseJour[] }[]) {
  const m = { ...b.modifs };
  for (const j of jours) {
    const avant = ajouterJours(j.jour, -7);
    if (!b.annee.has(avant)) continue;
    for (const c of j.cases) poser(b, m, j.jour, c.uniteId, reserve(b, avant, c.uniteId, m));
  }
  return m as Modifs;
}

/** Whether the week of `jour` is one the pattern applies to. */
export function semaineRetenue(frequence: Frequence, du: Jour, jour: Jour): boolean {
  switch (frequence) {
    case "CHAQUE":
      return true;
    case "PAIRES":
      return semaineIso(jour) % 2 === 0;
    case "IMPAIRES":
      return semaineIso(jour) % 2 === 1;
    case "UNE_SUR_DEUX": {
      // counted from the Monday of the week of « Du »: that week is one of them
      const lundiDepart = ajouterJours(du, 1 - jourSemaine(du));
      return Math.floor(ecartJours(lundiDepart, jour) / 7) % 2 === 0;
    }
  }
}

export function appliquerSemaineType(b: Brouillon, type: SemaineType): Modifs {
  const m = { ...b.modifs };
  for (const [jour, cases] of b.annee) {
    if (jour < type.du || jour > type.au) continue;
    const retenue = semaineRetenue(type.frequence, type.du, jour);
    for (const c of cases) {
      if (retenue && type.cochees.has(cleSemaineType(jourSemaine(jour), c.uniteId))) poser(b, m, jour, c.uniteId, true);
      else if (type.annulerAutres && reserve(b, jour, c.uniteId, m)) poser(b, m, jour, c.uniteId, false);
    }
  }
  return m;
}

const FREQUENCES: readonly Frequence[] = ["CHAQUE", "UNE_SUR_DEUX", "PAIRES", "IMPAIRES"];

/** The week pattern's form as typed; an empty « Du » or « Au » means the year's first or last open day. */
export function lireSemaineType(donnees: FormData, premier: Jour, dernier: Jour): SemaineType {
  const frequence = String(donnees.get("frequence"));
  const cochees = new Set<string>();
  for (const [nom, valeur] of donnees) if (nom.startsWith("type-") && valeur === "on") cochees.add(nom);
  return {
    du: String(donnees.get("du") || premier),
    au: String(donnees.get("au") || dernier),
    frequence: FREQUENCES.includes(frequence as Frequence) ? (frequence as Frequence) : "CHAQUE",
    cochees,
    annulerAutres: donnees.get("annulerAutres") === "on",
  };
}

/** The diff « Enregistrer » sends: every day × unit whose draft differs from the server's, in the year's order. */
export function changements(b: Brouillon): Changement[] {
  return [...b.annee].flatMap(([jour, cases]) =>
    cases
      .filter((c) => reserve(b, jour, c.uniteId) !== reserveAuDepart(b, jour, c.uniteId))
      .map((c) => ({ date: jour, uniteId: c.uniteId, reserver: reserve(b, jour, c.uniteId) })),
  );
}

/** « + 3 jours, − 1 jour »: the days booked and cancelled by the diff. */
export function compte(diff: readonly Changement[]): { plus: number; moins: number } {
  const plus = diff.filter((c) => c.reserver).length;
  return { plus, moins: diff.length - plus };
}

/** A day an absence or a service non assuré decided, or a place offered (its own page): never toggled here. */
export const FIGES: ReadonlySet<EtatCase> = new Set([
  "ABSENCE_SIGNALEE",
  "ABSENCE_JUSTIFIEE",
  "ABSENCE_INJUSTIFIEE",
  "NON_ASSURE",
  "PROPOSEE",
]);

/** The state a case shows with the draft applied (a refused day the parent touched again is just free). */
export function etatAffiche(b: Brouillon, jour: Jour, c: CaseJour): EtatCase {
  if (c.etat === "AUTRE_FOYER" || FIGES.has(c.etat)) return c.etat;
  if (reserve(b, jour, c.uniteId))
    return c.etat === "ATTENTE" || c.etat === "A_VALIDER" || c.etat === "DEMANDEE" ? c.etat : "RESERVEE";
  return c.etat === "REFUSEE" && !(cleCase(jour, c.uniteId) in b.modifs) ? "REFUSEE" : "LIBRE";
}
