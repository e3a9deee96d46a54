// Reads of Gérer mes réservations, always reached through the caller's household: the child's accepted
// inscriptions of the year, and one inscription's calendar with, for each opening day and unit, its state,
// whether it may still change at `now` and why not.
import { db } from "@/lib/db";
import { raisonFermeture } from "@/lib/domain/reservation/calendrier";
import { dansLeDelai, echeance, lireDelai, modifiableJusquau } from "@/lib/domain/reservation/delais";
import {
  ajouterJours,
  ecartJours,
  jourDeDate,
  jourEnClair,
  jourParis,
  jourSemaine,
  nomJour,
  type Jour,
} from "@/lib/domain/reservation/jours";
import { zoneDeLaCommune } from "@/lib/domain/reservation/parametrage";
import { messagePeriode, periodeOuverte, reservationsOuvertes } from "@/lib/domain/reservation/periode";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/reservation/service-non-assure";

export type EtatCase =
  | "RESERVEE"
  | "ATTENTE"
  | "A_VALIDER"
  | "REFUSEE"
  | "LIBRE"
  | "AUTRE_FOYER"
  | "ABSENCE_SIGNALEE"
  | "ABSENCE_JUSTIFIEE"
  | "ABSENCE_INJUSTIFIEE"
  | "NON_ASSURE";
/** the states an absence or a service non assuré gave a day: shown, never changed from the calendar */
const FIGES: EtatCase[] = ["ABSENCE_SIGNALEE", "ABSENCE_JUSTIFIEE", "ABSENCE_INJUSTIFIEE", "NON_ASSURE"];
export type CaseJour = { uniteId: number; etat: EtatCase; modifiable: boolean };
export type JourCalendrier = {
  jour: Jour;
  libelle: string;
  /** closed (holidays, public holiday, closure): why; open: until when it may change, or that it no longer may */
  info: string;
  ferme: boolean;
  cases: CaseJour[];
};

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

export async function calendrierReservations({
  portee,
  enfantId,
  inscriptionId,
  now,
}: {
  portee: Portee;
  enfantId: string;
  inscriptionId: string;
  now: Date;
}) {
  const agent = "agent" in portee;
  const inscription = await db().inscription.findFirst({
    where: { id: inscriptionId, enfantId, statut: "ACTIVE", ...dePortee(portee) },
    select: {
      id: true,
      familleId: true,
      lieuId: true,
      enfantId: true,
      annee: true,
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
    },
  });
  if (!inscription) return null;
  const { annee, activite } = inscription;
  const entete = {
    inscriptionId: inscription.id,
    activite: activite.libelle,
    unites: activite.unites,
    annee: annee.libelle,
  };
  if (!agent && !reservationsOuvertes(annee, now))
    return { ...entete, ouvert: false as const, message: messagePeriode(annee, now) };

  const debut = jourDeDate(annee.dateDebut);
  const fin = jourDeDate(annee.dateFin);
  const periode = { gte: annee.dateDebut, lte: annee.dateFin };
  const [jours, reservations, vacances, fermetures, nonAssures] = await Promise.all([
    db().jourOuverture.findMany({
      where: { lieuId: inscription.lieuId, unite: { activiteId: activite.id }, date: periode },
      select: { uniteId: true, date: true },
    }),
    db().reservation.findMany({
      where: {
        enfantId: inscription.enfantId,
        unite: { activiteId: activite.id },
        date: periode,
        statut: { not: "ANNULEE" },
      },
      select: { uniteId: true, date: true, statut: true, familleId: true },
    }),
    db().vacancesScolaires.findMany({
      where: { zone: await zoneDeLaCommune(), fin: { gte: annee.dateDebut }, debut: { lte: annee.dateFin } },
    }),
    db().fermeture.findMany({ where: { date: periode, OR: [{ activiteId: null }, { activiteId: activite.id }] } }),
    db().serviceNonAssure.findMany({
      where: {
        lieuId: inscription.lieuId,
        activiteId: activite.id,
        annuleLe: null,
        fin: { gte: annee.dateDebut },
        debut: { lte: annee.dateFin },
      },
      select: { debut: true, fin: true, motif: true },
    }),
  ]);
  // a service non assuré closes its days in the parents' view, with its reason
  const nonAssure = new Map<Jour, string>();
  for (const s of nonAssures)
    for (let j = jourDeDate(s.debut); j <= jourDeDate(s.fin); j = ajouterJours(j, 1))
      nonAssure.set(j, `Service non assuré (${MOTIFS_NON_ASSURE[s.motif].libelle.toLowerCase()}) : non facturé`);
  const ouvertes = new Set(jours.map((j) => `${jourDeDate(j.date)}|${j.uniteId}`));
  // a day an administrator opened outside the activity's weekdays is shown too
  const joursOuverts = new Set(jours.map((j) => jourDeDate(j.date)));
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

  const calendrier: JourCalendrier[] = [];
  let prochaine: { jour: Jour; heure: string } | null = null;
  for (let jour = debut; jour <= fin; jour = ajouterJours(jour, 1)) {
    if (!activite.joursSemaine.includes(jourSemaine(jour)) && !joursOuverts.has(jour)) continue;
    const libelle = jourEnClair(jour).replace(/^./, (c) => c.toUpperCase());
    const unitesDuJour = activite.unites.filter((u) => ouvertes.has(`${jour}|${u.id}`));
    if (nonAssure.has(jour)) {
      calendrier.push({ jour, libelle, info: nonAssure.get(jour)!, ferme: true, cases: [] });
      continue;
    }
    if (unitesDuJour.length === 0 || fermes.has(jour)) {
      const raison = raisonFermeture(jour, vac, ferm) ?? "Pas d'accueil";
      calendrier.push({ jour, libelle, info: raison, ferme: true, cases: [] });
      continue;
    }
    const ouvreReservation = agent || (modifiable && reservation !== null && dansLeDelai(reservation, jour, now));
    const ouvreAnnulation = agent || (modifiable && annulation !== null && dansLeDelai(annulation, jour, now));
    const cases = unitesDuJour.map((u): CaseJour => {
      const etat = etats.get(`${jour}|${u.id}`) ?? "LIBRE";
      const peut =
        etat === "AUTRE_FOYER" || FIGES.includes(etat)
          ? false
          : etat === "LIBRE" || etat === "REFUSEE"
            ? ouvreReservation
            : etat === "ATTENTE" || etat === "A_VALIDER" || ouvreAnnulation;
      return { uniteId: u.id, etat, modifiable: peut };
    });
    const e = reservation ? echeance(reservation, jour) : null;
    if (
      !agent &&
      ouvreReservation &&
      e &&
      (!prochaine || `${e.jour} ${e.heure}` < `${prochaine.jour} ${prochaine.heure}`)
    ) {
      prochaine = e;
    }
    calendrier.push({
      jour,
      libelle,
      ferme: false,
      info:
        reservation && dansLeDelai(reservation, jour, now)
          ? modifiableJusquau(reservation, jour)!
          : "Délai de modification dépassé",
      cases,
    });
  }
  const aujourdhui = jourParis(now);
  return {
    ...entete,
    ouvert: true as const,
    lectureSeule: !modifiable,
    message: modifiable ? null : messagePeriode(annee, now),
    aujourdhui,
    jours: calendrier,
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
