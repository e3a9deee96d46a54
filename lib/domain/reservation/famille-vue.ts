// The family booking view's read (« Réserver pour toute la famille »): every child of the caller's households,
// each ACTIVE inscription of the school year shown, and only the units that inscription subscribes
// (uniteSouscrite, the rule the save applies too). Each inscription's month is made by the per-child calendar's
// own code (calendriersDesInscriptions in queries.ts: deadlines, locks and why, holidays, the year's compact days
// for the draft), so the two views never disagree, from one read of each table for the whole family; this file only gathers them, drops the units not subscribed, and lays the
// month out as weeks of weekday columns shared by every child.
import { db } from "@/lib/db";
import { decoderAnnee, encoderAnnee } from "@/lib/domain/reservation/annee-compacte";
import { lundiDe } from "@/lib/domain/reservation/estimation";
import {
  calendriersDesInscriptions,
  SELECT_CALENDRIER,
  type Calendrier,
  type Mois,
} from "@/lib/domain/reservation/queries";
import { uniteSouscrite } from "@/lib/domain/reservation/unites-souscrites";
import { ajouterJours, jourDeDate, jourParis, jourSemaine, type Jour } from "@/lib/temps/jours";

const MOIS_VALIDE = /^\d{4}-(0[1-9]|1[0-2])$/;
const JOUR_VALIDE = /^\d{4}-\d{2}-\d{2}$/;

/** The month a week is shown in: its Thursday's (as ISO numbers weeks), so a week is in one month only. */
export const moisDeLaSemaine = (lundi: Jour): Mois => ajouterJours(lundi, 3).slice(0, 7);

type Ouvert = Extract<Calendrier, { ouvert: true }>;

export type InscriptionVue = {
  inscriptionId: string;
  activite: string;
  unites: { id: number; libelle: string; exclusive: boolean }[];
  /** the year's open days of the subscribed units only (annee-compacte.ts), for the draft */
  annuel: string;
  lectureSeule: boolean;
  /** each listed day of the month: closed (and why), or until when it may change */
  jours: Record<Jour, { info: string; ferme: boolean }>;
  prochaineCloture: string | null;
};
export type EnfantVue = {
  enfantId: string;
  prenom: string;
  inscriptions: InscriptionVue[];
  /** inscriptions whose booking period is not open, with its message */
  fermees: { activite: string; message: string }[];
};
export type VueFamille = {
  mois: Mois;
  moisPrecedent: Mois | null;
  moisSuivant: Mois | null;
  aujourdhui: Jour;
  /** the week asked (?semaine=), if it is in the month shown, else null (the page picks one) */
  semaine: Jour | null;
  /** the month's weeks, each with the days some child's activity lists (in the month) */
  semaines: { lundi: Jour; jours: Jour[] }[];
  /** the weekdays (ISO, 1 = lundi) of the columns */
  colonnes: number[];
  enfants: EnfantVue[];
  /** why nothing can be changed (period closed), the first one found */
  message: string | null;
};

/** The subscribed units' part of an inscription's month. */
function restreindre(calendrier: Ouvert, souscrites: readonly number[]): InscriptionVue {
  const garder = (uniteId: number) => uniteSouscrite(souscrites, uniteId);
  const annee = decoderAnnee(calendrier.annuel);
  const annuel = encoderAnnee(
    [...annee]
      .map(([jour, cases]) => ({ jour, cases: cases.filter((c) => garder(c.uniteId)) }))
      .filter((j) => j.cases.length > 0),
  );
  return {
    inscriptionId: calendrier.inscriptionId,
    activite: calendrier.activite,
    unites: calendrier.unites.filter((u) => garder(u.id)),
    annuel,
    lectureSeule: calendrier.lectureSeule,
    jours: Object.fromEntries(calendrier.jours.map((j) => [j.jour, { info: j.info, ferme: j.ferme }])),
    prochaineCloture: calendrier.prochaineCloture,
  };
}

/**
 * The family's month `mois` (or that of the week `semaine`, or today's), for the caller's households only. The
 * inscriptions shown are the ACTIVE ones whose school year holds that month (else the first year not over).
 */
export async function vueFamille({
  usagerId,
  now,
  mois: moisDemande,
  semaine: semaineDemandee,
}: {
  usagerId: string;
  now: Date;
  mois?: string | null;
  semaine?: string | null;
}): Promise<VueFamille> {
  const aujourdhui = jourParis(now);
  const semaine = semaineDemandee && JOUR_VALIDE.test(semaineDemandee) ? lundiDe(semaineDemandee) : null;
  let mois: Mois = semaine
    ? moisDeLaSemaine(semaine)
    : moisDemande && MOIS_VALIDE.test(moisDemande)
      ? moisDemande
      : aujourdhui.slice(0, 7);
  const inscriptions = await db().inscription.findMany({
    where: {
      statut: "ACTIVE",
      famille: { representants: { some: { usagerId } } },
      annee: { dateFin: { gte: new Date(`${aujourdhui.slice(0, 7)}-01T00:00:00Z`) } },
    },
    orderBy: [{ enfant: { dateNaissance: "asc" } }, { activite: { ordre: "asc" } }],
    select: { ...SELECT_CALENDRIER, enfant: { select: { prenoms: true } } },
  });
  const couvre = (i: (typeof inscriptions)[number], m: Mois) =>
    jourDeDate(i.annee.dateDebut).slice(0, 7) <= m && jourDeDate(i.annee.dateFin).slice(0, 7) >= m;
  if (inscriptions.length > 0 && !inscriptions.some((i) => couvre(i, mois))) {
    const debuts = inscriptions.map((i) => jourDeDate(i.annee.dateDebut).slice(0, 7)).sort();
    mois = debuts.find((d) => d > mois) ?? debuts[0]!;
  }
  const retenues = inscriptions.filter((i) => couvre(i, mois));
  // every inscription's calendar from one read of each table for all of them, not the month view's reads again
  // per inscription
  const calendriers = await calendriersDesInscriptions(retenues, { agent: false, now, mois });

  const enfants: EnfantVue[] = [];
  let moisPrecedent: Mois | null = null;
  let moisSuivant: Mois | null = null;
  let message: string | null = null;
  const joursDuMois = new Set<Jour>();
  retenues.forEach((i, rang) => {
    const calendrier = calendriers[rang];
    if (!calendrier) return;
    let enfant = enfants.find((e) => e.enfantId === i.enfantId);
    if (!enfant) {
      enfant = { enfantId: i.enfantId, prenom: i.enfant.prenoms, inscriptions: [], fermees: [] };
      enfants.push(enfant);
    }
    if (!calendrier.ouvert) {
      enfant.fermees.push({ activite: calendrier.activite, message: calendrier.message });
      message ??= calendrier.message;
      return;
    }
    message ??= calendrier.message;
    const vue = restreindre(calendrier, i.unitesSouscrites);
    if (vue.unites.length === 0) return;
    enfant.inscriptions.push(vue);
    for (const j of calendrier.jours) joursDuMois.add(j.jour);
    // the family's months: the nearest one before and after that any of its calendars lists
    if (calendrier.moisPrecedent && (!moisPrecedent || calendrier.moisPrecedent > moisPrecedent))
      moisPrecedent = calendrier.moisPrecedent;
    if (calendrier.moisSuivant && (!moisSuivant || calendrier.moisSuivant < moisSuivant))
      moisSuivant = calendrier.moisSuivant;
  });

  const semaines: VueFamille["semaines"] = [];
  for (const jour of [...joursDuMois].sort()) {
    const lundi = lundiDe(jour);
    const derniere = semaines.at(-1);
    if (derniere?.lundi === lundi) derniere.jours.push(jour);
    else semaines.push({ lundi, jours: [jour] });
  }
  const colonnes = [...new Set([...joursDuMois].map(jourSemaine))].sort();
  return {
    mois,
    moisPrecedent,
    moisSuivant,
    aujourdhui,
    semaine: semaine && semaines.some((s) => s.lundi === semaine) ? semaine : null,
    semaines,
    colonnes,
    enfants: enfants.filter((e) => e.inscriptions.length > 0 || e.fermees.length > 0),
    message,
  };
}
