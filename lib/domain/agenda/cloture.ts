// Mon accueil's « Prochaine clôture » and the reminder the day before a cutoff, as pure rules over what the
// family's inscriptions open (the clock is a parameter): the cutoff of a service day is its booking deadline
// (Activite.delaiReservation, lib/domain/calendrier/delais.ts). A day "not booked" is an opening day of one of the
// child's active inscriptions (at its lieu, for a unit it subscribes), still open to booking, on which the child
// has nothing at all (no meal, no garderie, no waiting list, no absence): a child booked for the canteen on a
// Wednesday without garderie is not told about the garderie.
import { dansLeDelai, echeance, type Delai } from "@/lib/domain/calendrier/delais";
import { ajouterJours, instantParis, jourEnClair, jourParis, jourSemaine, nomJour, type Jour } from "@/lib/temps/jours";

/** One active inscription of a child: its activity's booking deadline and the days it opens, sorted. */
export type Service = { enfantId: string; prenom: string; activite: string; delai: Delai | null; jours: Jour[] };

export type Cloture = { instant: Date; jour: Jour; heure: string; activites: string[] };

export type NonReserves = { enfantId: string; prenom: string; jours: Jour[] };

/** How far ahead the rules look (a cutoff a week before, for a week): the queries read this window. */
export const HORIZON_JOURS = 21;

function clotureDuJour(delai: Delai, jour: Jour): { instant: Date; jour: Jour; heure: string } | null {
  const e = echeance(delai, jour);
  return e ? { instant: instantParis(e.jour, e.heure), jour: e.jour, heure: e.heure } : null;
}

/** The earliest deadline of a day still open to booking, over every service; null when nothing is open. */
export function prochaineCloture(services: Service[], now: Date): Cloture | null {
  let prochaine: Cloture | null = null;
  for (const { delai, jours, activite } of services) {
    if (!delai) continue;
    // a later day never closes earlier (delais.ts): the first day still open carries the service's next cutoff
    const jour = jours.find((j) => dansLeDelai(delai, j, now));
    const cloture = jour ? clotureDuJour(delai, jour) : null;
    if (!cloture) continue;
    if (!prochaine || cloture.instant < prochaine.instant) prochaine = { ...cloture, activites: [activite] };
    else if (cloture.instant.getTime() === prochaine.instant.getTime() && !prochaine.activites.includes(activite))
      prochaine.activites.push(activite);
  }
  return prochaine;
}

/** Per child (in the services' order), the days from `du` to `au` still open to booking on which nothing is booked. */
export function joursNonReserves(
  services: Service[],
  reserves: Map<string, Set<Jour>>,
  { du, au, now }: { du: Jour; au: Jour; now: Date },
): NonReserves[] {
  const parEnfant = new Map<string, NonReserves>();
  for (const { enfantId, prenom, delai, jours } of services) {
    const enfant = parEnfant.get(enfantId) ?? { enfantId, prenom, jours: [] };
    parEnfant.set(enfantId, enfant);
    for (const jour of jours) {
      if (jour < du || jour > au || !delai || !dansLeDelai(delai, jour, now)) continue;
      if (!reserves.get(enfantId)?.has(jour) && !enfant.jours.includes(jour)) enfant.jours.push(jour);
    }
  }
  return [...parEnfant.values()].flatMap((e) => (e.jours.length ? [{ ...e, jours: e.jours.sort() }] : []));
}

/** The Monday of a day's week. */
export const lundiDe = (jour: Jour): Jour => ajouterJours(jour, 1 - jourSemaine(jour));

/** Next week (Monday to Sunday) as Mon accueil shows it. */
export function semaineProchaine(now: Date): { du: Jour; au: Jour } {
  const du = ajouterJours(lundiDe(jourParis(now)), 7);
  return { du, au: ajouterJours(du, 6) };
}

/**
 * The reminders due at `now`: each cutoff that falls tomorrow (Europe/Paris), with the days not booked in the
 * week it closes (the week of the first day it closes). A cutoff with every day booked is left out.
 */
export function rappelsDuLendemain(
  services: Service[],
  reserves: Map<string, Set<Jour>>,
  now: Date,
): { cloture: Cloture; semaine: Jour; nonReserves: NonReserves[] }[] {
  const demain = ajouterJours(jourParis(now), 1);
  const clotures = new Map<number, Cloture & { premier: Jour }>();
  for (const { delai, jours, activite } of services) {
    if (!delai) continue;
    for (const jour of jours) {
      const c = dansLeDelai(delai, jour, now) ? clotureDuJour(delai, jour) : null;
      if (!c || c.jour !== demain) continue;
      const deja = clotures.get(c.instant.getTime());
      if (!deja) clotures.set(c.instant.getTime(), { ...c, activites: [activite], premier: jour });
      else {
        if (!deja.activites.includes(activite)) deja.activites.push(activite);
        if (jour < deja.premier) deja.premier = jour;
      }
    }
  }
  return [...clotures.values()]
    .sort((a, b) => a.instant.getTime() - b.instant.getTime())
    .flatMap(({ premier, ...cloture }) => {
      const semaine = lundiDe(premier);
      const nonReserves = joursNonReserves(services, reserves, { du: semaine, au: ajouterJours(semaine, 6), now });
      return nonReserves.length ? [{ cloture, semaine, nonReserves }] : [];
    });
}

/** « lundi 14, mardi 15 ». */
export const joursCourts = (jours: Jour[]) =>
  jours.map((j) => `${nomJour(jourSemaine(j))} ${Number(j.slice(8)) === 1 ? "1er" : Number(j.slice(8))}`).join(", ");

/** « jeudi 10 décembre à 12:00 », « aujourd'hui à 18:00 », « demain à 12:00 ». */
export function clotureEnClair(cloture: Pick<Cloture, "jour" | "heure">, now: Date): string {
  const aujourdhui = jourParis(now);
  const jour =
    cloture.jour === aujourdhui
      ? "aujourd'hui"
      : cloture.jour === ajouterJours(aujourdhui, 1)
        ? `demain, ${jourEnClair(cloture.jour)},`
        : jourEnClair(cloture.jour);
  return `${jour} à ${cloture.heure}`;
}
