// The stored facts a booking calendar is made from (queries.ts builds it): the year's opening days, the child's
// bookings, the holidays of the month shown, the closures and the services non assurés. Read for any number of
// inscriptions at once, one query per table whatever their number (the family view shows every inscription of
// the family: one read each was the month view's reads again per inscription), then given back to each
// inscription filtered by the very conditions its own queries had, so a calendar is the same read alone or with
// others.
import { db } from "@/lib/db";
import { zoneDeLaCommune } from "@/lib/domain/calendrier/zone";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

/** What a calendar's facts depend on: the inscription's place, child, activity (all its units) and year. */
export type Lecture = {
  lieuId: number;
  enfantId: string;
  activite: { id: number; unites: { id: number }[] };
  annee: { dateDebut: Date; dateFin: Date };
  /** the month shown, whose holidays name its closed days */
  debutMois: Jour;
  finMois: Jour;
};

const t = (d: Date) => d.getTime();
const entre = (d: Date, debut: Date, fin: Date) => t(d) >= t(debut) && t(d) <= t(fin);
const sansDoublon = <T>(valeurs: T[]) => [...new Set(valeurs)];

/** Each inscription's facts for its year (and its month's holidays), in the order given. */
export async function donneesDesAnnees(lectures: readonly Lecture[]) {
  if (lectures.length === 0) return [];
  const debut = new Date(Math.min(...lectures.map((l) => t(l.annee.dateDebut))));
  const fin = new Date(Math.max(...lectures.map((l) => t(l.annee.dateFin))));
  const periode = { gte: debut, lte: fin };
  const lieux = sansDoublon(lectures.map((l) => l.lieuId));
  const activites = sansDoublon(lectures.map((l) => l.activite.id));
  const debutMois = lectures.map((l) => l.debutMois).sort()[0]!;
  const finMois = lectures
    .map((l) => l.finMois)
    .sort()
    .at(-1)!;
  const [jours, reservations, vacances, fermetures, nonAssures] = await Promise.all([
    db().jourOuverture.findMany({
      where: { lieuId: { in: lieux }, unite: { activiteId: { in: activites } }, date: periode },
      select: { lieuId: true, uniteId: true, date: true },
    }),
    db().reservation.findMany({
      where: {
        enfantId: { in: sansDoublon(lectures.map((l) => l.enfantId)) },
        unite: { activiteId: { in: activites } },
        date: periode,
        statut: { not: "ANNULEE" },
      },
      select: { enfantId: true, uniteId: true, date: true, statut: true, familleId: true },
    }),
    // the holidays of the commune's zone name the closed days of the months shown only
    zoneDeLaCommune().then((zone) =>
      db().vacancesScolaires.findMany({
        where: { zone, fin: { gte: dateDeJour(debutMois) }, debut: { lte: dateDeJour(finMois) } },
        select: { description: true, debut: true, fin: true },
      }),
    ),
    db().fermeture.findMany({
      where: { date: periode, OR: [{ activiteId: null }, { activiteId: { in: activites } }] },
      select: { activiteId: true, date: true, libelle: true },
    }),
    db().serviceNonAssure.findMany({
      where: {
        lieuId: { in: lieux },
        activiteId: { in: activites },
        annuleLe: null,
        fin: { gte: debut },
        debut: { lte: fin },
      },
      select: { lieuId: true, activiteId: true, debut: true, fin: true, motif: true },
    }),
  ]);
  return lectures.map((l) => {
    const { dateDebut, dateFin } = l.annee;
    const unites = new Set(l.activite.unites.map((u) => u.id));
    return {
      jours: jours.filter((j) => j.lieuId === l.lieuId && unites.has(j.uniteId) && entre(j.date, dateDebut, dateFin)),
      reservations: reservations.filter(
        (r) => r.enfantId === l.enfantId && unites.has(r.uniteId) && entre(r.date, dateDebut, dateFin),
      ),
      vacances: vacances.filter(
        (v) => t(v.fin) >= t(dateDeJour(l.debutMois)) && t(v.debut) <= t(dateDeJour(l.finMois)),
      ),
      fermetures: fermetures.filter(
        (f) => (f.activiteId === null || f.activiteId === l.activite.id) && entre(f.date, dateDebut, dateFin),
      ),
      nonAssures: nonAssures.filter(
        (s) =>
          s.lieuId === l.lieuId &&
          s.activiteId === l.activite.id &&
          t(s.fin) >= t(dateDebut) &&
          t(s.debut) <= t(dateFin),
      ),
    };
  });
}

export type DonneesAnnee = Awaited<ReturnType<typeof donneesDesAnnees>>[number];
