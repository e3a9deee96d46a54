// Paramétrage of the reservations (administrators), one command per file beside this one: the commune's school
// zone (modifier-zone), the school calendar imported from the official file (importer-calendrier-scolaire), the
// opening days of an activity generated for a year from its weekdays, previewed then saved, for all its units and
// lieux or one of them (apercu-jours, enregistrer-jours), single days added or removed (ajouter-jour,
// retirer-jour), the commune's closures (fermer), the deadlines (modifier-delais), the school year's dates
// (modifier-annee); the validation mode and the units' capacities are the reservations' own rules
// (lib/domain/reservation/modifier-regles.ts: a capacity raised promotes the waiting list). Each command is one
// transaction, journaled with the administrator who made it. This file: what the console's page reads.
import { db } from "@/lib/db";
import { zoneDeLaCommune } from "@/lib/domain/calendrier/zone";
import { dateDeJour, jourDeDate, jourParis, type Jour } from "@/lib/temps/jours";

/** What the console's Paramétrage des réservations shows for a school year (default: the current one). */
export async function parametresReservations({ now = new Date(), anneeId }: { now?: Date; anneeId?: number } = {}) {
  const [annees, zone] = await Promise.all([
    db().anneeScolaire.findMany({ orderBy: { dateDebut: "asc" } }),
    zoneDeLaCommune(),
  ]);
  const aujourdhui = dateDeJour(jourParis(now));
  const annee =
    annees.find((a) => a.id === anneeId) ?? annees.find((a) => a.dateFin >= aujourdhui) ?? annees.at(-1) ?? null;
  const activites = await db().activite.findMany({
    orderBy: { ordre: "asc" },
    select: {
      id: true,
      libelle: true,
      joursSemaine: true,
      validation: true,
      delaiReservation: true,
      delaiAnnulation: true,
      unites: { orderBy: { ordre: "asc" }, select: { id: true, libelle: true, capacite: true, exclusive: true } },
      lieux: { orderBy: { ordre: "asc" }, select: { id: true, nom: true } },
    },
  });
  const periode = annee ? { gte: annee.dateDebut, lte: annee.dateFin } : undefined;
  const [jours, fermetures, vacances] = annee
    ? await Promise.all([
        db().jourOuverture.findMany({
          where: { date: periode },
          select: { date: true, unite: { select: { activiteId: true } } },
          orderBy: { date: "asc" },
        }),
        db().fermeture.findMany({ where: { date: periode }, orderBy: { date: "asc" } }),
        db().vacancesScolaires.findMany({
          where: { zone, fin: { gte: annee.dateDebut }, debut: { lte: annee.dateFin } },
          orderBy: { debut: "asc" },
        }),
      ])
    : [[], [], []];
  const parActivite = new Map<number, { total: number; dates: Set<Jour> }>();
  for (const j of jours) {
    const a = parActivite.get(j.unite.activiteId) ?? { total: 0, dates: new Set<Jour>() };
    a.total++;
    a.dates.add(jourDeDate(j.date));
    parActivite.set(j.unite.activiteId, a);
  }
  return {
    zone,
    annees: annees.map((a) => ({ id: a.id, libelle: a.libelle })),
    annee: annee
      ? {
          id: annee.id,
          libelle: annee.libelle,
          debut: jourDeDate(annee.dateDebut),
          fin: jourDeDate(annee.dateFin),
          ouvertureReservations: jourDeDate(annee.ouvertureReservations),
          lectureSeuleLe: annee.lectureSeuleLe ? jourDeDate(annee.lectureSeuleLe) : null,
        }
      : null,
    activites: activites.map((a) => ({
      ...a,
      jours: parActivite.get(a.id)?.total ?? 0,
      dates: [...(parActivite.get(a.id)?.dates ?? [])],
    })),
    fermetures: fermetures.map((f) => ({ id: f.id, libelle: f.libelle, date: jourDeDate(f.date) })),
    vacances: vacances.map((v) => ({
      description: v.description,
      debut: jourDeDate(v.debut),
      fin: jourDeDate(v.fin),
    })),
  };
}
