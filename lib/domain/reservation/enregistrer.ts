// "Enregistrer" of Gérer mes réservations: every day × unit the parent changed, checked again on the server
// and written in one transaction. Diff-based and idempotent: booking a booked day or cancelling a free one
// changes nothing, so the same save replayed (a double click, a retry) writes nothing twice.
//
// Concurrency: the child's row is locked first (FOR UPDATE), so two saves for the same child (two tabs, the
// two households of a garde alternée) run one after the other and the second sees the first's days; the
// opening days that have a capacity are then locked in id order, so their count cannot be overtaken by
// another child's save, and overflow goes to the waiting list. The unique (child, unit, day) key is the
// last guard.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { lireDelai } from "@/lib/domain/calendrier/delais";
import { dateDeJour, estJour, jourDeDate } from "@/lib/temps/jours";
import { messagePeriode, periodeOuverte } from "@/lib/domain/calendrier/periode";
import { envoyerRecap, espacesDeLaFamille, ligneRecap } from "@/lib/domain/reservation/recap";
import { ecrireLaSauvegarde, type Auteur } from "@/lib/domain/reservation/ecrire";
import { fenetreDuJour, fenetresDesJours, regleDuJour } from "@/lib/domain/fenetre/regles-fenetre";
import { ACTIVES, trier, type Bilan, type Changement, type Unite } from "@/lib/domain/reservation/trier";

export { RAISONS, type Bilan, type Changement, type Refus } from "@/lib/domain/reservation/trier";

export const reservationsIntrouvables = () => new AppError("introuvable", "Ces réservations sont introuvables.");

/** A parent's save: their own child, an accepted inscription of their household, the period open. */
export function enregistrerReservations({
  usagerId,
  inscriptionId,
  changements,
  now = new Date(),
}: {
  usagerId: string;
  inscriptionId: string;
  changements: Changement[];
  now?: Date;
}): Promise<Bilan> {
  return appliquer({ auteur: { kind: "USAGER", usagerId }, inscriptionId, changements, now });
}

/** An agent books or cancels for a family outside the deadlines: journaled, and the family is told. */
export function reserverPourLaFamille({
  agent,
  inscriptionId,
  changements,
  now = new Date(),
}: {
  agent: { id: string; nom: string };
  inscriptionId: string;
  changements: Changement[];
  now?: Date;
}): Promise<Bilan> {
  return appliquer({ auteur: { kind: "AGENT", agentId: agent.id, nom: agent.nom }, inscriptionId, changements, now });
}

async function appliquer({
  auteur,
  inscriptionId,
  changements,
  now,
}: {
  auteur: Auteur;
  inscriptionId: string;
  changements: Changement[];
  now: Date;
}): Promise<Bilan> {
  return db().$transaction(async (tx) => {
    const sauvegarde = await appliquerDans(tx, { auteur, inscriptionId, changements, now });
    if (aChange(sauvegarde.bilan)) await prevenir(tx, { auteur, ...sauvegarde });
    return sauvegarde.bilan;
  });
}

/** Whether a save changed anything (a recap is mailed only then). */
export const aChange = (b: Bilan) =>
  b.reservees.length + b.enAttente.length + b.aValider.length + b.demandees.length + b.annulees.length > 0;

export type InscriptionSauvee = {
  id: string;
  enfantId: string;
  familleId: string;
  activiteId: number;
  enfant: { prenoms: string };
  activite: { libelle: string };
};
/** What a save did to one inscription, for its recap: its bilan, the inscription and its units by id. */
export type Sauvegarde = { bilan: Bilan; inscription: InscriptionSauvee; unites: Map<number, Unite> };

/**
 * One inscription's save inside the caller's transaction (the per-child save, or one child × activity of the
 * family's save): checked, written, nothing mailed. An inscription not found (not the parent's household's,
 * not active) or a day malformed throws reservationsIntrouvables(); a closed period throws « fermee ».
 */
export async function appliquerDans(
  tx: Tx,
  {
    auteur,
    inscriptionId,
    changements,
    now,
  }: {
    auteur: Auteur;
    inscriptionId: string;
    changements: Changement[];
    now: Date;
  },
): Promise<Sauvegarde> {
  const inscription = await tx.inscription.findFirst({
    where: {
      id: inscriptionId,
      statut: "ACTIVE",
      ...(auteur.kind === "USAGER" ? { famille: { representants: { some: { usagerId: auteur.usagerId } } } } : {}),
    },
    include: {
      annee: true,
      activite: { include: { unites: { orderBy: { ordre: "asc" } } } },
      enfant: { select: { prenoms: true } },
    },
  });
  if (!inscription) throw reservationsIntrouvables();
  if (auteur.kind === "USAGER" && !periodeOuverte(inscription.annee, now)) {
    throw new AppError("fermee", `${messagePeriode(inscription.annee, now)}.`);
  }
  const unites = new Map(inscription.activite.unites.map((u) => [u.id, u]));
  const delaiReservation = lireDelai(inscription.activite.delaiReservation);
  const delaiAnnulation = lireDelai(inscription.activite.delaiAnnulation);

  // the last word on a day × unit wins; units of another activity are not this calendar's
  const voulus = new Map<string, Changement>();
  for (const c of changements) {
    if (!estJour(c.date) || !unites.has(c.uniteId)) throw reservationsIntrouvables();
    voulus.set(`${c.date}|${c.uniteId}`, c);
  }
  const bilan: Bilan = { reservees: [], enAttente: [], aValider: [], demandees: [], annulees: [], refus: [] };
  if (voulus.size === 0) return { bilan, inscription, unites };
  const dates = [...new Set([...voulus.values()].map((c) => c.date))].sort();

  await tx.$queryRaw`SELECT id FROM "Enfant" WHERE id = ${inscription.enfantId} FOR UPDATE`;
  const jours = await tx.jourOuverture.findMany({
    where: { lieuId: inscription.lieuId, uniteId: { in: [...unites.keys()] }, date: { in: dates.map(dateDeJour) } },
    select: { id: true, uniteId: true, date: true, capacite: true },
  });
  // a closure decided after bookings were made keeps its opening days (an agent handles them): still closed
  const fermetures = await tx.fermeture.findMany({
    where: {
      date: { in: dates.map(dateDeJour) },
      OR: [{ activiteId: null }, { activiteId: inscription.activiteId }],
    },
    select: { date: true },
  });
  const fermes = new Set(fermetures.map((f) => jourDeDate(f.date)));
  const jourDe = new Map(
    jours.filter((j) => !fermes.has(jourDeDate(j.date))).map((j) => [`${jourDeDate(j.date)}|${j.uniteId}`, j]),
  );
  const limites = jours.filter((j) => j.capacite !== null).map((j) => j.id);
  if (limites.length > 0) {
    await tx.$queryRaw`SELECT id FROM "JourOuverture" WHERE id = ANY(${limites}) ORDER BY id FOR UPDATE`;
  }
  const existantes = await tx.reservation.findMany({
    where: {
      enfantId: inscription.enfantId,
      uniteId: { in: [...unites.keys()] },
      date: { in: dates.map(dateDeJour) },
    },
    select: { id: true, uniteId: true, date: true, statut: true, familleId: true, jourId: true },
  });
  const existante = new Map(existantes.map((r) => [`${jourDeDate(r.date)}|${r.uniteId}`, r]));
  // what each child-day holds as the save goes on, for the exclusive units
  const actives = new Map<string, Set<number>>();
  for (const r of existantes) {
    if (ACTIVES.includes(r.statut)) {
      const cle = jourDeDate(r.date);
      actives.set(cle, (actives.get(cle) ?? new Set()).add(r.uniteId));
    }
  }
  const occupees = new Map<number, number>();
  if (limites.length > 0) {
    const comptes = await tx.reservation.groupBy({
      by: ["jourId"],
      // a place offered from a waiting list is held for its family until accepted, declined or passed on
      where: { jourId: { in: limites }, statut: { in: ["RESERVEE", "PROPOSEE"] } },
      _count: { _all: true },
    });
    for (const c of comptes) occupees.set(c.jourId, c._count._all);
  }

  const agent = auteur.kind === "AGENT";
  // the booking windows of these days, read once for the whole save; an agent's save books as before
  const fenetres =
    agent || limites.length === 0
      ? []
      : await fenetresDesJours(tx, { activiteId: inscription.activiteId, du: dates[0]!, au: dates.at(-1)! });
  const { aAnnuler, liberes, aCreer } = trier([...voulus.values()], bilan, {
    familleId: inscription.familleId,
    validation: inscription.activite.validation,
    unitesSouscrites: inscription.unitesSouscrites,
    unites,
    jourDe,
    existante,
    actives,
    occupees,
    limites,
    delaiReservation,
    delaiAnnulation,
    agent,
    regle: (uniteId, date) => regleDuJour(fenetreDuJour(fenetres, uniteId, date), now),
    now,
  });
  await ecrireLaSauvegarde(tx, { auteur, inscription, aAnnuler, aCreer, liberes, now });
  return { bilan, inscription, unites };
}

/** The save journaled when an agent made it, and its recap mailed in the same transaction. */
async function prevenir(
  tx: Tx,
  {
    auteur,
    inscription,
    unites,
    bilan,
  }: {
    auteur: Auteur;
  } & Sauvegarde,
) {
  if (auteur.kind === "AGENT") {
    await journal(tx, {
      event: "reservations.agent",
      actorKind: "AGENT",
      actorId: auteur.agentId,
      details: {
        inscriptionId: inscription.id,
        familleId: inscription.familleId,
        enfantId: inscription.enfantId,
        activiteId: inscription.activiteId,
        reservees: bilan.reservees.length + bilan.enAttente.length,
        annulees: bilan.annulees.length,
        // each day changed, and whether past the deadline: « who booked outside the deadlines for this family? »
        horsDelai: [...bilan.reservees, ...bilan.enAttente, ...bilan.annulees].filter((c) => c.horsDelai).length,
        jours: [...bilan.annulees, ...bilan.reservees, ...bilan.enAttente].map((c) => ({
          date: c.date,
          uniteId: c.uniteId,
          reservee: c.reserver,
          ...(c.horsDelai ? { horsDelai: true } : {}),
        })),
      },
    });
  }
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
  const ligne = (c: Changement) => ligneRecap(c.date, unites.get(c.uniteId)!.libelle);
  // the parent who saved is told; when an agent changed the days, every representant with a space is
  const espaces = await espacesDeLaFamille(tx, inscription.familleId);
  await envoyerRecap(tx, {
    destinataires: auteur.kind === "AGENT" ? espaces : espaces.filter((u) => u.id === auteur.usagerId),
    enfantId: inscription.enfantId,
    inscriptionId: inscription.id,
    recap: {
      commune: commune.nom,
      enfant: inscription.enfant.prenoms,
      activite: inscription.activite.libelle,
      reservees: bilan.reservees.map(ligne),
      enAttente: bilan.enAttente.map(ligne),
      aValider: bilan.aValider.map(ligne),
      demandees: bilan.demandees.map(ligne),
      annulees: bilan.annulees.map(ligne),
      origine: auteur.kind === "AGENT" ? "service" : "famille",
    },
  });
}
