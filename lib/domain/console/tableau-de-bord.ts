// The console's day: what an agent opening the console needs to see about today, in a handful of grouped
// queries (never one per day or per lieu). Per lieu and unit, the children booked today and how many are
// already marked; the absences declared today; the children marked absent on a booked day with no absence
// declared (the families to call); the invoices past due; the demandes waiting; and, for the chart, the meals and
// garderie places booked per day around today. "Today" is the caller's clock, as a Paris calendar day.
import { db } from "@/lib/db";
import { ajouterJours, instantParis, jourDeDate, type Jour } from "@/lib/temps/jours";
import type { TypeActivite, TypeDemande } from "@/lib/generated/prisma/enums";

/** How far the chart looks back and ahead of today, and how far back an unexplained absence is followed. */
export const JOURS_GRAPHIQUE = 14;
export const JOURS_SUIVI_ABSENCES = 14;

export type LigneDuJour = {
  lieuId: number;
  lieu: string;
  activite: string;
  uniteId: number;
  unite: string;
  /** children booked (RESERVEE): expected today */
  reserves: number;
  /** marked présent (with or without a booking) */
  presents: number;
  absents: number;
  /** booked and not marked yet */
  nonPointes: number;
};

export type AbsenceDeclaree = {
  numero: number;
  enfant: string;
  debut: Jour;
  fin: Jour;
  maladeCeMatin: boolean;
  justificatifRecu: boolean;
};

export type AbsenceASuivre = {
  familleId: string;
  enfant: string;
  date: Jour;
  lieu: string;
  unite: string;
};

export type JourGraphique = { jour: Jour; repas: number; garderie: number };

export async function journeeConsole(aujourdhui: Jour) {
  const [jour, absencesDeclarees, aSuivre, impayees, demandes, graphique] = await Promise.all([
    lignesDuJour(aujourdhui),
    absencesDeclareesLe(aujourdhui),
    absencesASuivre(aujourdhui),
    facturesEchues(aujourdhui),
    db().demande.groupBy({
      by: ["type"],
      where: { statut: "DEPOSEE", numero: { not: null } },
      _count: { _all: true },
      orderBy: { type: "asc" },
    }),
    serieGraphique(aujourdhui),
  ]);
  return {
    aujourdhui,
    jour,
    absencesDeclarees,
    aSuivre,
    impayees,
    demandes: demandes.map((d) => ({ type: d.type as TypeDemande, nombre: d._count._all })),
    graphique,
  };
}

export type JourneeConsole = Awaited<ReturnType<typeof journeeConsole>>;

/** Every opening day of today (lieu × unit), with its booked children and today's marks. */
async function lignesDuJour(jour: Jour): Promise<LigneDuJour[]> {
  return db().$queryRaw<LigneDuJour[]>`
    SELECT l.id AS "lieuId", l.nom AS lieu, a.libelle AS activite, u.id AS "uniteId", u.libelle AS unite,
      (SELECT count(*) FROM "Reservation" r WHERE r."jourId" = j.id AND r.statut = 'RESERVEE')::int AS reserves,
      (SELECT count(*) FROM "Pointage" p WHERE p."lieuId" = j."lieuId" AND p."uniteId" = j."uniteId"
         AND p.date = j.date AND p.etat <> 'ABSENT')::int AS presents,
      (SELECT count(*) FROM "Pointage" p WHERE p."lieuId" = j."lieuId" AND p."uniteId" = j."uniteId"
         AND p.date = j.date AND p.etat = 'ABSENT')::int AS absents,
      (SELECT count(*) FROM "Reservation" r WHERE r."jourId" = j.id AND r.statut = 'RESERVEE'
         AND NOT EXISTS (SELECT 1 FROM "Pointage" p WHERE p."enfantId" = r."enfantId"
                           AND p."uniteId" = r."uniteId" AND p.date = r.date))::int AS "nonPointes"
    FROM "JourOuverture" j
    JOIN "Lieu" l ON l.id = j."lieuId"
    JOIN "Unite" u ON u.id = j."uniteId"
    JOIN "Activite" a ON a.id = u."activiteId"
    WHERE j.date = ${jour}::date
    ORDER BY a.ordre, a.id, l.ordre, l.id, u.ordre, u.id`;
}

/** The absences deposited today (Paris), newest first: the agent sees who will not come and what is owed. */
async function absencesDeclareesLe(jour: Jour): Promise<AbsenceDeclaree[]> {
  const absences = await db().absence.findMany({
    where: {
      creeeLe: { gte: instantParis(jour, "00:00"), lt: instantParis(ajouterJours(jour, 1), "00:00") },
      demande: { numero: { not: null } },
    },
    orderBy: { creeeLe: "desc" },
    select: {
      debut: true,
      fin: true,
      maladeCeMatin: true,
      justificatifRecuLe: true,
      demande: { select: { numero: true } },
      enfant: { select: { prenoms: true, nom: true } },
    },
  });
  return absences.map((a) => ({
    numero: a.demande.numero!,
    enfant: `${a.enfant.prenoms} ${a.enfant.nom.toUpperCase()}`,
    debut: jourDeDate(a.debut),
    fin: jourDeDate(a.fin),
    maladeCeMatin: a.maladeCeMatin,
    justificatifRecu: a.justificatifRecuLe !== null,
  }));
}

/**
 * Children marked absent on a day they were booked for (the booking still RESERVEE: no absence declared), over
 * the last JOURS_SUIVI_ABSENCES days: the family has not said why, someone should ask.
 */
async function absencesASuivre(jour: Jour): Promise<AbsenceASuivre[]> {
  const lignes = await db().$queryRaw<
    (Omit<AbsenceASuivre, "date" | "enfant"> & { date: Date; prenoms: string; nom: string })[]
  >`
    SELECT r."familleId", e.prenoms, e.nom, p.date, l.nom AS lieu, u.libelle AS unite
    FROM "Pointage" p
    JOIN "Reservation" r ON r."enfantId" = p."enfantId" AND r."uniteId" = p."uniteId" AND r.date = p.date
    JOIN "Enfant" e ON e.id = p."enfantId"
    JOIN "Lieu" l ON l.id = p."lieuId"
    JOIN "Unite" u ON u.id = p."uniteId"
    WHERE p.etat = 'ABSENT' AND r.statut = 'RESERVEE'
      AND p.date BETWEEN ${ajouterJours(jour, -JOURS_SUIVI_ABSENCES)}::date AND ${jour}::date
    ORDER BY p.date DESC, e.nom, e.prenoms
    LIMIT 100`;
  return lignes.map(({ prenoms, nom, date, ...ligne }) => ({
    ...ligne,
    enfant: `${prenoms} ${nom.toUpperCase()}`,
    date: jourDeDate(date),
  }));
}

/** Invoices past due (due date before today), neither cancelled nor paid: how many, and what is still owed. */
async function facturesEchues(jour: Jour): Promise<{ nombre: number; resteCentimes: number }> {
  const [ligne] = await db().$queryRaw<{ nombre: number; reste: bigint | null }[]>`
    SELECT count(*)::int AS nombre, sum(reste)::bigint AS reste FROM (
      SELECT f."totalCentimes"
             - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationPaiement" x WHERE x."factureId" = f.id), 0)
             - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationAvoir" x WHERE x."factureId" = f.id), 0)
             AS reste
      FROM "Facture" f
      WHERE f."echeanceLe" < ${jour}::date AND NOT EXISTS (SELECT 1 FROM "Avoir" av WHERE av."factureId" = f.id)
    ) o WHERE reste > 0`;
  return { nombre: ligne?.nombre ?? 0, resteCentimes: Number(ligne?.reste ?? 0) };
}

/**
 * Meals (restauration) and garderie places booked per opening day, JOURS_GRAPHIQUE days either side of today:
 * one grouped query for the bookings, one for the days the services open (a day with nothing booked still shows).
 */
async function serieGraphique(jour: Jour): Promise<JourGraphique[]> {
  const debut = ajouterJours(jour, -JOURS_GRAPHIQUE);
  const fin = ajouterJours(jour, JOURS_GRAPHIQUE);
  const [comptes, ouverts] = await Promise.all([
    db().$queryRaw<{ date: Date; type: TypeActivite; nombre: number }[]>`
      SELECT r.date, a.type, count(*)::int AS nombre
      FROM "Reservation" r JOIN "Unite" u ON u.id = r."uniteId" JOIN "Activite" a ON a.id = u."activiteId"
      WHERE r.statut = 'RESERVEE' AND r.date BETWEEN ${debut}::date AND ${fin}::date
      GROUP BY r.date, a.type`,
    db().$queryRaw<{ date: Date }[]>`
      SELECT DISTINCT date FROM "JourOuverture" WHERE date BETWEEN ${debut}::date AND ${fin}::date`,
  ]);
  // today is always on the chart, marked, even on a day without service
  const jours = new Map<Jour, JourGraphique>([[jour, { jour, repas: 0, garderie: 0 }]]);
  for (const { date } of ouverts) jours.set(jourDeDate(date), { jour: jourDeDate(date), repas: 0, garderie: 0 });
  for (const { date, type, nombre } of comptes) {
    const ligne = jours.get(jourDeDate(date)) ?? { jour: jourDeDate(date), repas: 0, garderie: 0 };
    if (type === "RESTAURATION") ligne.repas += nombre;
    else ligne.garderie += nombre;
    jours.set(ligne.jour, ligne);
  }
  return [...jours.values()].sort((a, b) => a.jour.localeCompare(b.jour));
}
