// The story of a reservation day, read from the rows the gate writes with each move (franchir.ts): for an agent,
// every move of one child × unit × day with who made it and why; for a parent, their own households' moves
// only (a garde alternée's other household is never read), and in the month view each day's last change,
// « annulé le 10/12 à 11:58 ». What explains a disputed invoice line: the day's state, since when and by whom.
import { db } from "@/lib/db";
import { formatParis } from "@/lib/temps/dates";
import { ajouterJours, dateDeJour, jourDeDate, type Jour } from "@/lib/temps/jours";
import { ETATS } from "@/lib/domain/reservation/transitions";
import type { Acteur, RaisonReservation, StatutReservation } from "@/lib/generated/prisma/enums";

/** A parent reads through their households; an agent reads every household's moves. */
export type PorteeHistorique = { usagerId: string } | { agent: true };

export type Evenement = {
  le: Date;
  de: StatutReservation | null;
  vers: StatutReservation;
  acteur: Acteur;
  acteurNom: string | null;
  raison: RaisonReservation;
  transition: string;
  motif: string | null;
};

const CHAMPS = {
  createdAt: true,
  de: true,
  vers: true,
  acteur: true,
  acteurNom: true,
  raison: true,
  transition: true,
  motif: true,
} as const;

async function filtrePortee(portee: PorteeHistorique) {
  if ("agent" in portee) return {};
  const foyers = await db().representant.findMany({
    where: { usagerId: portee.usagerId },
    select: { familleId: true },
  });
  return { familleId: { in: foyers.map((f) => f.familleId) } };
}

const lire = (e: Omit<Evenement, "le"> & { createdAt: Date }): Evenement => ({
  le: e.createdAt,
  de: e.de,
  vers: e.vers,
  acteur: e.acteur,
  acteurNom: e.acteurNom,
  raison: e.raison,
  transition: e.transition,
  motif: e.motif,
});

/** Every move of one child × unit × day, oldest first; empty when the caller may not read it. */
export async function histoireDuJour({
  portee,
  enfantId,
  uniteId,
  jour,
}: {
  portee: PorteeHistorique;
  enfantId: string;
  uniteId: number;
  jour: Jour;
}): Promise<Evenement[]> {
  const lignes = await db().reservationEvenement.findMany({
    // through the day's reservation (its unique key), then its rows by the (reservationId, createdAt) index
    where: { reservation: { enfantId, uniteId, date: dateDeJour(jour) }, ...(await filtrePortee(portee)) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: CHAMPS,
  });
  return lignes.map(lire);
}

/** The moves of a child's days between two days (a month of the console), by day then unit, oldest first. */
/** A child's units between two days, as the caller may read them. */
export type Periode = { portee: PorteeHistorique; enfantId: string; uniteIds: number[]; debut: Jour; fin: Jour };

export async function histoireDesJours({
  portee,
  enfantId,
  uniteIds,
  debut,
  fin,
}: Periode): Promise<{ jour: Jour; uniteId: number; evenements: Evenement[] }[]> {
  const lignes = await db().reservationEvenement.findMany({
    where: {
      reservation: { enfantId, uniteId: { in: uniteIds }, date: { gte: dateDeJour(debut), lte: dateDeJour(fin) } },
      ...(await filtrePortee(portee)),
    },
    orderBy: [{ date: "asc" }, { uniteId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { ...CHAMPS, date: true, uniteId: true },
  });
  const jours: { jour: Jour; uniteId: number; evenements: Evenement[] }[] = [];
  for (const l of lignes) {
    const jour = jourDeDate(l.date);
    const dernier = jours.at(-1);
    if (dernier?.jour === jour && dernier.uniteId === l.uniteId) dernier.evenements.push(lire(l));
    else jours.push({ jour, uniteId: l.uniteId, evenements: [lire(l)] });
  }
  return jours;
}

/** Each day × unit's last move between two days, keyed "YYYY-MM-DD|uniteId": the month view's traces. */
export async function derniersChangements(periode: Periode): Promise<Map<string, Evenement>> {
  const jours = await histoireDesJours(periode);
  return new Map(jours.map((j) => [`${j.jour}|${j.uniteId}`, j.evenements.at(-1)!]));
}

/** The first and last days of a month, "2026-12". */
export function bornesDuMois(mois: string): { debut: Jour; fin: Jour } {
  return { debut: `${mois}-01`, fin: ajouterJours(`${ajouterJours(`${mois}-28`, 4).slice(0, 7)}-01`, -1) };
}

/** The month view's traces: each case's last change in the parent's words, keyed "jour|uniteId" (cleCase). */
export async function tracesDuMois({
  portee,
  enfantId,
  uniteIds,
  mois,
}: {
  portee: PorteeHistorique;
  enfantId: string;
  uniteIds: number[];
  mois: string;
}): Promise<Record<string, string>> {
  const { debut, fin } = bornesDuMois(mois);
  const [derniers, classees] = await Promise.all([
    derniersChangements({ portee, enfantId, uniteIds, debut, fin }),
    // a booking window's waiting list is ordered by the allocation's rank: the day says it
    db().reservation.findMany({
      where: {
        ...(await filtrePortee(portee)),
        enfantId,
        uniteId: { in: uniteIds },
        date: { gte: dateDeJour(debut), lte: dateDeJour(fin) },
        statut: "ATTENTE",
        rang: { not: null },
      },
      select: { uniteId: true, date: true, rang: true },
    }),
  ]);
  const rangs = new Map(classees.map((r) => [`${jourDeDate(r.date)}|${r.uniteId}`, r.rang!]));
  return Object.fromEntries(
    [...derniers].map(([cle, e]) => [cle, rangs.has(cle) ? `${trace(e)}, rang ${rangs.get(cle)}` : trace(e)]),
  );
}

// what the parent reads of a day's last move, « annulé le 10/12 à 11:58 »
const VERBES: Record<StatutReservation, string> = {
  RESERVEE: "réservé",
  ATTENTE: "mis en liste d'attente",
  ANNULEE: "annulé",
  A_VALIDER: "demandé",
  REFUSEE: "refusé",
  ABSENCE_SIGNALEE: "absence signalée",
  ABSENCE_JUSTIFIEE: "absence justifiée",
  ABSENCE_INJUSTIFIEE: "absence injustifiée",
  NON_ASSURE: "service non assuré",
  DEMANDEE: "demandé (attribution à la clôture)",
  PROPOSEE: "place proposée",
};

export function trace(e: Pick<Evenement, "vers" | "le">): string {
  return `${VERBES[e.vers]} le ${formatParis(e.le, "dd/MM 'à' HH:mm")}`;
}

const qui = (e: Evenement) =>
  e.acteur === "USAGER"
    ? `le parent${e.acteurNom ? ` (${e.acteurNom})` : ""}`
    : e.acteur === "AGENT"
      ? `un agent${e.acteurNom ? ` (${e.acteurNom})` : ""}`
      : "le système";

/** Why and by whom, as the agents read it: « par le parent (Marie DUPONT) », « service non assuré (grève) ». */
function pourquoi(e: Evenement): string {
  const precision = e.motif ? ` : ${e.motif.replace(/\.$/, "")}` : "";
  switch (e.raison) {
    case "PARENT":
    case "AGENT":
      return `par ${qui(e)}`;
    case "VALIDATION":
      return `décidé par ${qui(e)}`;
    case "PROMOTION":
      return `liste d'attente${precision}`;
    case "REPRISE":
      return "repris de l'ancien logiciel";
    case "FENETRE":
      return `période de réservation${precision}`;
    case "SERVICE_NON_ASSURE":
      return `service non assuré (${(e.motif ?? "").toLowerCase()}) ${
        e.transition === "declarerNonAssure" ? "déclaré" : "annulé"
      } par ${qui(e)}`;
    case "ABSENCE":
      return e.transition === "signalerAbsence"
        ? `absence déclarée par ${qui(e)}`
        : e.transition === "retirerAbsence"
          ? `absence retirée par ${qui(e)}`
          : `absence décidée par ${qui(e)}${precision}`;
  }
}

/** « 10/12/2026 11:58 — Réservé → Annulé, par le parent (Marie DUPONT) »; a creation names its state only. */
export function ligneHistorique(e: Evenement): string {
  const changement = e.de ? `${ETATS[e.de].libelle} → ${ETATS[e.vers].libelle}` : ETATS[e.vers].libelle;
  return `${formatParis(e.le, "dd/MM/yyyy HH:mm")} — ${changement}, ${pourquoi(e)}`;
}
