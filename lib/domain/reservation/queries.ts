// Reads of Gérer mes réservations, always reached through the caller's household: the child's accepted
// inscriptions of the year, and one inscription's calendar with, for each opening day and unit, its state,
// whether it may still change at `now` and why not.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encoderAnnee, type CaseJour, type EtatCase } from "@/lib/domain/reservation/annee-compacte";
import { uniteSouscrite } from "@/lib/domain/reservation/unites-souscrites";
import { raisonFermeture } from "@/lib/domain/calendrier/generation";
import {
  echeance,
  lireDelai,
  modifiableJusquau,
  premierJourDansLeDelai,
  type Delai,
} from "@/lib/domain/calendrier/delais";
import {
  ajouterJours,
  ecartJours,
  jourDeDate,
  jourEnClair,
  jourParis,
  jourSemaine,
  nomJour,
  type Jour,
} from "@/lib/temps/jours";
import { donneesDesAnnees, type DonneesAnnee } from "@/lib/domain/reservation/calendrier-donnees";
import { messagePeriode, periodeOuverte, reservationsOuvertes } from "@/lib/domain/calendrier/periode";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";

/** the states an absence or a service non assuré gave a day: shown, never changed from the calendar */
// a place offered (PROPOSEE) is answered on « Places proposées », not from the calendar
const FIGES: EtatCase[] = ["ABSENCE_SIGNALEE", "ABSENCE_JUSTIFIEE", "ABSENCE_INJUSTIFIEE", "NON_ASSURE", "PROPOSEE"];
export type JourCalendrier = {
  jour: Jour;
  libelle: string;
  /** closed (holidays, public holiday, closure): why; open: until when it may change, or that it no longer may */
  info: string;
  ferme: boolean;
  cases: CaseJour[];
};
export type Semaine = { lundi: Jour; titre: string; jours: JourCalendrier[] };

/** The child's accepted inscriptions in this household for the current school year. */
/** Whose calendar: a parent's (their household only, under the deadlines), or an agent's for a household. */
export type Portee = { usagerId: string } | { familleId: string; agent: true };

const dePortee = (portee: Portee) =>
  "agent" in portee
    ? { familleId: portee.familleId }
    : { famille: { representants: { some: { usagerId: portee.usagerId } } } };

export async function inscriptionsReservables({ portee, enfantId }: { portee: Portee; enfantId: string }) {
  const enfant = await db().enfant.findFirst({
    where: { id: enfantId, familles: { some: dePortee(portee) } },
    select: { id: true, prenoms: true, nom: true },
  });
  if (!enfant) return null;
  const inscriptions = await db().inscription.findMany({
    where: { enfantId, statut: "ACTIVE", ...dePortee(portee) },
    orderBy: [{ annee: { dateDebut: "desc" } }, { activite: { ordre: "asc" } }],
    select: { id: true, activite: { select: { libelle: true } }, lieu: { select: { nom: true } } },
  });
  return { enfant, inscriptions };
}

/** A month of the calendar, "2026-09". */
export type Mois = string;
const MOIS_VALIDE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month shown: the one asked if the year has it, else today's, else the year's first. */
function moisAffiche(moisDemande: Mois | null | undefined, debut: Jour, fin: Jour, aujourdhui: Jour): Mois {
  const dansLAnnee = (m: Mois) => m >= debut.slice(0, 7) && m <= fin.slice(0, 7);
  if (moisDemande && MOIS_VALIDE.test(moisDemande) && dansLAnnee(moisDemande)) return moisDemande;
  return dansLAnnee(aujourdhui.slice(0, 7)) ? aujourdhui.slice(0, 7) : debut.slice(0, 7);
}

/** The days a service non assuré closes (with its reason), and each opening day's units. */
function joursParticuliers(
  nonAssures: { debut: Date; fin: Date; motif: keyof typeof MOTIFS_NON_ASSURE }[],
  jours: { uniteId: number; date: Date }[],
) {
  // a service non assuré closes its days in the parents' view, with its reason
  const nonAssure = new Map<Jour, string>();
  for (const s of nonAssures)
    for (let j = jourDeDate(s.debut); j <= jourDeDate(s.fin); j = ajouterJours(j, 1))
      nonAssure.set(j, `Service non assuré (${MOTIFS_NON_ASSURE[s.motif].libelle.toLowerCase()}) : non facturé`);
  // each opening day's units; a day an administrator opened outside the activity's weekdays is listed too
  const unitesOuvertes = new Map<Jour, Set<number>>();
  for (const j of jours) {
    const jour = jourDeDate(j.date);
    const set = unitesOuvertes.get(jour);
    if (set) set.add(j.uniteId);
    else unitesOuvertes.set(jour, new Set([j.uniteId]));
  }
  return { nonAssure, unitesOuvertes };
}

/** Whether a case in state `etat` may change, given whether its day is still open to booking and to cancelling. */
function peutChanger(etat: EtatCase, ouvreReservation: boolean, ouvreAnnulation: boolean): boolean {
  if (etat === "AUTRE_FOYER" || FIGES.includes(etat)) return false;
  if (etat === "LIBRE" || etat === "REFUSEE") return ouvreReservation;
  // leaving a waiting list (or withdrawing a request) frees no place: always allowed (a booking window's request
  // until its close: the server says so beside the day after it)
  return etat === "ATTENTE" || etat === "A_VALIDER" || etat === "DEMANDEE" || ouvreAnnulation;
}

/** An open day's words: until when it may be booked, or that it no longer may. */
function jusquau(reservation: Delai | null, reservableDes: Jour | null | undefined, jour: Jour): string {
  return reservableDes != null && jour >= reservableDes && reservation
    ? modifiableJusquau(reservation, jour)!
    : "Délai de modification dépassé";
}

/** What a calendar needs of its inscription: its year, its activity with every unit, the units it subscribes. */
export const SELECT_CALENDRIER = {
  id: true,
  familleId: true,
  lieuId: true,
  enfantId: true,
  unitesSouscrites: true,
  annee: {
    select: { libelle: true, dateDebut: true, dateFin: true, ouvertureReservations: true, lectureSeuleLe: true },
  },
  activite: {
    select: {
      id: true,
      libelle: true,
      joursSemaine: true,
      delaiReservation: true,
      delaiAnnulation: true,
      unites: { orderBy: { ordre: "asc" }, select: { id: true, libelle: true, exclusive: true } },
    },
  },
} satisfies Prisma.InscriptionSelect;
export type InscriptionCalendrier = Prisma.InscriptionGetPayload<{ select: typeof SELECT_CALENDRIER }>;

/** The inscription a calendar shows, in the caller's reach. */
const inscriptionDuCalendrier = (portee: Portee, enfantId: string, inscriptionId: string) =>
  db().inscription.findFirst({
    where: { id: inscriptionId, enfantId, statut: "ACTIVE", ...dePortee(portee) },
    select: SELECT_CALENDRIER,
  });

/**
 * One inscription's calendar as the month view shows it. The month `mois` (by default today's, or the year's
 * first) comes in full: each listed day with its words, its toggles and why a locked day is locked, grouped by
 * week. The rest of the school year comes only as the tools need it ("Appliquer une semaine type", "Copier
 * la semaine précédente", the preview of "Enregistrer"): its open days with each unit's state and whether it
 * may change, and no words. Which days may still change is found once per year by bisection
 * (premierJourDansLeDelai), not day by day.
 */
export async function calendrierReservations({
  portee,
  enfantId,
  inscriptionId,
  now,
  mois: moisDemande,
}: {
  portee: Portee;
  enfantId: string;
  inscriptionId: string;
  now: Date;
  mois?: Mois | null;
}) {
  const inscription = await inscriptionDuCalendrier(portee, enfantId, inscriptionId);
  if (!inscription) return null;
  const [calendrier] = await calendriersDesInscriptions([inscription], {
    agent: "agent" in portee,
    now,
    mois: moisDemande,
  });
  return calendrier!;
}

/**
 * Several inscriptions' calendars, each as calendrierReservations gives it (the family view shows every one of
 * the family's), their stored facts read once for all of them: one query per table (calendrier-donnees.ts).
 */
export async function calendriersDesInscriptions(
  inscriptions: readonly InscriptionCalendrier[],
  { agent, now, mois }: { agent: boolean; now: Date; mois?: Mois | null },
) {
  const preparees = inscriptions.map((i) => preparer(i, agent, now, mois));
  const ouverts = preparees.filter((p) => p.ouvert);
  const donnees = await donneesDesAnnees(ouverts.map((p) => p.lecture));
  return preparees.map((p) => (p.ouvert ? construire(p, donnees[ouverts.indexOf(p)]!, agent, now) : p.calendrier));
}

/** An inscription's header, and either why its period is closed or the month it shows and what to read. */
function preparer(inscription: InscriptionCalendrier, agent: boolean, now: Date, moisDemande: Mois | null | undefined) {
  const { annee } = inscription;
  // only the units the inscription subscribes are offered, by the rule the save applies (unites-souscrites.ts)
  const activite = {
    ...inscription.activite,
    unites: inscription.activite.unites.filter((u) => uniteSouscrite(inscription.unitesSouscrites, u.id)),
  };
  const entete = {
    inscriptionId: inscription.id,
    activite: activite.libelle,
    unites: activite.unites,
    annee: annee.libelle,
  };
  if (!agent && !reservationsOuvertes(annee, now))
    return {
      ouvert: false as const,
      calendrier: { ...entete, ouvert: false as const, message: messagePeriode(annee, now) },
    };
  const debut = jourDeDate(annee.dateDebut);
  const fin = jourDeDate(annee.dateFin);
  const aujourdhui = jourParis(now);
  const mois = moisAffiche(moisDemande, debut, fin, aujourdhui);
  const debutMois = `${mois}-01`;
  const finMois = ajouterJours(`${ajouterJours(`${mois}-28`, 4).slice(0, 7)}-01`, -1);
  // the facts are read for every unit of the activity, as before the units subscribed were filtered
  const lecture = { ...inscription, debutMois, finMois };
  return { ouvert: true as const, inscription, annee, activite, entete, debut, fin, aujourdhui, mois, lecture };
}

/** The calendar of an inscription whose period is open, from its facts. */
function construire(
  {
    inscription,
    annee,
    activite,
    entete,
    debut,
    fin,
    aujourdhui,
    mois,
  }: Extract<ReturnType<typeof preparer>, { ouvert: true }>,
  { jours, reservations, vacances, fermetures, nonAssures }: DonneesAnnee,
  agent: boolean,
  now: Date,
) {
  const { nonAssure, unitesOuvertes } = joursParticuliers(nonAssures, jours);
  const etats = new Map(
    reservations.map((r) => [
      `${jourDeDate(r.date)}|${r.uniteId}`,
      (r.familleId !== inscription.familleId ? "AUTRE_FOYER" : r.statut) as EtatCase,
    ]),
  );
  const vac = vacances.map((v) => ({ description: v.description, debut: jourDeDate(v.debut), fin: jourDeDate(v.fin) }));
  const ferm = fermetures.map((f) => ({ date: jourDeDate(f.date), libelle: f.libelle }));
  const fermes = new Set(ferm.map((f) => f.date));
  // agents book and cancel outside the deadlines and the period (reserverPourLaFamille)
  const modifiable = agent || periodeOuverte(annee, now);
  const reservation = lireDelai(activite.delaiReservation);
  const annulation = lireDelai(activite.delaiAnnulation);
  // the days still open under each deadline are those from its first one on (see premierJourDansLeDelai)
  const reservableDes = reservation && premierJourDansLeDelai(reservation, debut, fin, now);
  const annulableDes = annulation && premierJourDansLeDelai(annulation, debut, fin, now);

  const semaines: Semaine[] = [];
  const annuel: { jour: Jour; cases: CaseJour[] }[] = [];
  const moisListes = new Set<Mois>();
  const joursSemaine = new Set<number>();
  let premier: Jour | null = null;
  let dernier: Jour | null = null;
  let prochaine: { jour: Jour; heure: string } | null = null;
  const liste = (jour: Jour) =>
    jour >= debut && jour <= fin && (activite.joursSemaine.includes(jourSemaine(jour)) || unitesOuvertes.has(jour));
  for (let jour = debut; jour <= fin; jour = ajouterJours(jour, 1)) {
    if (!liste(jour)) continue;
    premier ??= jour;
    dernier = jour;
    moisListes.add(jour.slice(0, 7));
    joursSemaine.add(jourSemaine(jour));
    const duMois = jour.startsWith(mois);
    const unitesDuJour = activite.unites.filter((u) => unitesOuvertes.get(jour)?.has(u.id));
    const ferme = nonAssure.has(jour) || unitesDuJour.length === 0 || fermes.has(jour);
    let cases: CaseJour[] = [];
    if (!ferme) {
      const ouvreReservation = agent || (modifiable && reservableDes != null && jour >= reservableDes);
      const ouvreAnnulation = agent || (modifiable && annulableDes != null && jour >= annulableDes);
      cases = unitesDuJour.map((u): CaseJour => {
        const etat = etats.get(`${jour}|${u.id}`) ?? "LIBRE";
        return { uniteId: u.id, etat, modifiable: peutChanger(etat, ouvreReservation, ouvreAnnulation) };
      });
      annuel.push({ jour, cases });
      // the cutoffs come in the days' order: the first day open to booking has the next one
      if (!agent && !prochaine && ouvreReservation && reservation) prochaine = echeance(reservation, jour);
    }
    if (!duMois) continue;
    const lundi = ajouterJours(jour, 1 - jourSemaine(jour));
    let semaine = semaines.at(-1);
    if (semaine?.lundi !== lundi) {
      semaine = {
        lundi,
        // "Semaine du lundi 31 août", or its date when that Monday is not a day of the calendar
        titre: liste(lundi) ? jourEnClair(lundi) : lundi.split("-").reverse().join("/"),
        jours: [],
      };
      semaines.push(semaine);
    }
    const libelle = jourEnClair(jour).replace(/^./, (c) => c.toUpperCase());
    const info =
      nonAssure.get(jour) ??
      (ferme ? (raisonFermeture(jour, vac, ferm) ?? "Pas d'accueil") : jusquau(reservation, reservableDes, jour));
    semaine.jours.push({ jour, libelle, info, ferme, cases });
  }
  const listes = [...moisListes];
  const rang = listes.indexOf(mois);
  return {
    ...entete,
    ouvert: true as const,
    lectureSeule: !modifiable,
    message: modifiable ? null : messagePeriode(annee, now),
    aujourdhui,
    mois,
    moisPrecedent: rang > 0 ? listes[rang - 1]! : null,
    moisSuivant: rang !== -1 && rang < listes.length - 1 ? listes[rang + 1]! : null,
    /** the month shown, week by week */
    semaines,
    /** the days of the month shown */
    jours: semaines.flatMap((s) => s.jours),
    /** the year's open days for the tools, as a compact text (decoderAnnee) */
    annuel: encoderAnnee(annuel),
    premier,
    dernier,
    joursSemaine: [...joursSemaine].sort(),
    prochaineCloture: prochaine ? prochaineCloture(prochaine, aujourdhui) : null,
  };
}

/** "Prochaine clôture : jeudi 12:00, dans 2 jours". */
function prochaineCloture(e: { jour: Jour; heure: string }, aujourdhui: Jour): string {
  const dans = ecartJours(aujourdhui, e.jour);
  const quand = dans === 0 ? "aujourd'hui" : dans === 1 ? "demain" : `dans ${dans} jours`;
  return `Prochaine clôture : ${nomJour(jourSemaine(e.jour))} ${e.heure}, ${quand}`;
}

export type Calendrier = NonNullable<Awaited<ReturnType<typeof calendrierReservations>>>;
