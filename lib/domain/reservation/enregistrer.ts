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
import { dansLeDelai, lireDelai, modifiableJusquau, type Delai } from "@/lib/domain/calendrier/delais";
import { dateDeJour, estJour, jourDeDate, type Jour } from "@/lib/temps/jours";
import { messagePeriode, periodeOuverte } from "@/lib/domain/calendrier/periode";
import { envoyerRecap, espacesDeLaFamille, ligneRecap } from "@/lib/domain/reservation/recap";
import { ecrireLaSauvegarde, type ACreer, type Auteur } from "@/lib/domain/reservation/ecrire";
import { rivaleExclusive } from "@/lib/domain/reservation/unites-exclusives";
import type { ModeValidation, StatutReservation } from "@/lib/generated/prisma/enums";

/** horsDelai: made by an agent past the activity's booking or cancellation deadline (the journal says so) */
export type Changement = { date: Jour; uniteId: number; reserver: boolean; horsDelai?: boolean };
export type Refus = Changement & { raison: string };
export type Bilan = {
  reservees: Changement[];
  enAttente: Changement[];
  /** asked by a parent of an activity validated by an agent: waiting for that validation */
  aValider: Changement[];
  annulees: Changement[];
  refus: Refus[];
};

export const reservationsIntrouvables = () => new AppError("introuvable", "Ces réservations sont introuvables.");

export const RAISONS = {
  fermeture: "Pas d'accueil ce jour-là.",
  autreFoyer: "Ce jour est déjà réservé par l'autre foyer de l'enfant.",
  incompatible: (a: string, b: string) => `${a} et ${b} ne peuvent pas être réservés le même jour.`,
  delaiReservation: (d: Delai, jour: Jour) =>
    `Le délai de réservation est dépassé (${(modifiableJusquau(d, jour) ?? "").replace(/^M/, "m")}).`,
  delaiAnnulation: (d: Delai, jour: Jour) =>
    d.type === "JAMAIS"
      ? "Ce jour ne peut pas être annulé depuis le portail : contactez le service Enfance."
      : `Le délai d'annulation est dépassé (${(modifiableJusquau(d, jour) ?? "").replace(/^M/, "m")}).`,
  sansDelai: "Les réservations de cette activité ne sont pas encore paramétrées.",
  verrouille: {
    ABSENCE_SIGNALEE: "Une absence est déclarée ce jour-là : sa demande est en cours de traitement.",
    ABSENCE_JUSTIFIEE: "Ce jour est une absence justifiée.",
    ABSENCE_INJUSTIFIEE: "Ce jour est une absence injustifiée.",
    NON_ASSURE: "Le service n'est pas assuré ce jour-là.",
  },
} as const;

const ACTIVES: StatutReservation[] = ["RESERVEE", "ATTENTE", "A_VALIDER"];

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
    const bilan: Bilan = { reservees: [], enAttente: [], aValider: [], annulees: [], refus: [] };
    if (voulus.size === 0) return bilan;
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
        where: { jourId: { in: limites }, statut: "RESERVEE" },
        _count: { _all: true },
      });
      for (const c of comptes) occupees.set(c.jourId, c._count._all);
    }

    const agent = auteur.kind === "AGENT";
    const { aAnnuler, liberes, aCreer } = trier([...voulus.values()], bilan, {
      familleId: inscription.familleId,
      validation: inscription.activite.validation,
      unites,
      jourDe,
      existante,
      actives,
      occupees,
      limites,
      delaiReservation,
      delaiAnnulation,
      agent,
      now,
    });
    await ecrireLaSauvegarde(tx, { auteur, inscription, aAnnuler, aCreer, liberes, occupees, now });

    const changes = bilan.reservees.length + bilan.enAttente.length + bilan.aValider.length + bilan.annulees.length;
    if (changes > 0) await prevenir(tx, { auteur, inscription, unites, bilan });
    return bilan;
  });
}

type Unite = { id: number; libelle: string; exclusive: boolean };
type Existante = { id: string; statut: StatutReservation; familleId: string; jourId: number };

/**
 * Each wanted change checked against the day as it is (locked): refused with its reason, or sorted into the
 * cancellations and the days to book, the places taken counted as the save goes on.
 */
function trier(
  voulus: Changement[],
  bilan: Bilan,
  ctx: {
    familleId: string;
    validation: ModeValidation;
    unites: Map<number, Unite>;
    jourDe: Map<string, { id: number; capacite: number | null }>;
    existante: Map<string, Existante>;
    /** what each child-day holds as the save goes on, for the exclusive units */
    actives: Map<string, Set<number>>;
    occupees: Map<number, number>;
    limites: number[];
    delaiReservation: Delai | null;
    delaiAnnulation: Delai | null;
    agent: boolean;
    now: Date;
  },
): { aAnnuler: string[]; liberes: number[]; aCreer: ACreer[] } {
  const { unites, jourDe, existante, actives, occupees, limites, delaiReservation, delaiAnnulation, agent, now } = ctx;
  const refuser = (c: Changement, raison: string) => bilan.refus.push({ ...c, raison });
  const aAnnuler: string[] = [];
  const liberes: number[] = [];
  const aCreer: ACreer[] = [];
  // cancellations first, so swapping Menu Classique for Menu Végétarien in one save works
  const ordonnes = voulus.sort(
    (a, b) => Number(a.reserver) - Number(b.reserver) || a.date.localeCompare(b.date) || a.uniteId - b.uniteId,
  );
  for (const c of ordonnes) {
    const cle = `${c.date}|${c.uniteId}`;
    const jour = jourDe.get(cle);
    const deja = existante.get(cle);
    const active = deja && ACTIVES.includes(deja.statut);
    // an absence (its demande decides the day) or a service non assuré: not changed from the calendar
    if (deja && deja.statut in RAISONS.verrouille) {
      refuser(c, RAISONS.verrouille[deja.statut as keyof typeof RAISONS.verrouille]);
      continue;
    }
    if (!c.reserver) {
      if (!active) continue;
      if (deja.familleId !== ctx.familleId) {
        refuser(c, RAISONS.autreFoyer);
        continue;
      }
      // leaving a waiting list (or withdrawing a request not yet validated) frees no place: always allowed
      if (deja.statut === "RESERVEE" && !(delaiAnnulation && dansLeDelai(delaiAnnulation, c.date, now))) {
        if (!agent) {
          refuser(c, delaiAnnulation ? RAISONS.delaiAnnulation(delaiAnnulation, c.date) : RAISONS.sansDelai);
          continue;
        }
        // an activity without a cancellation deadline is never cancelled online: no deadline was passed
        if (delaiAnnulation) c.horsDelai = true;
      }
      aAnnuler.push(deja.id);
      actives.get(c.date)?.delete(c.uniteId);
      if (deja.statut === "RESERVEE" && limites.includes(deja.jourId)) {
        liberes.push(deja.jourId);
        occupees.set(deja.jourId, (occupees.get(deja.jourId) ?? 1) - 1);
      }
      bilan.annulees.push(c);
      continue;
    }
    if (active) {
      if (deja.familleId !== ctx.familleId) refuser(c, RAISONS.autreFoyer);
      continue;
    }
    if (!jour) {
      refuser(c, RAISONS.fermeture);
      continue;
    }
    if (!(delaiReservation && dansLeDelai(delaiReservation, c.date, now))) {
      if (!agent) {
        refuser(c, delaiReservation ? RAISONS.delaiReservation(delaiReservation, c.date) : RAISONS.sansDelai);
        continue;
      }
      if (delaiReservation) c.horsDelai = true;
    }
    const unite = unites.get(c.uniteId)!;
    const rivale = rivaleExclusive(
      unite,
      [...(actives.get(c.date) ?? [])].map((id) => unites.get(id)!),
    );
    if (rivale) {
      refuser(c, RAISONS.incompatible(rivale.libelle, unite.libelle));
      continue;
    }
    let statut: ACreer["statut"] = "RESERVEE";
    // validated by an agent: the parent's request waits, and takes a place only once validated
    if (!agent && ctx.validation === "AGENT") statut = "A_VALIDER";
    else if (jour.capacite !== null) {
      const prises = occupees.get(jour.id) ?? 0;
      if (prises >= jour.capacite) statut = "ATTENTE";
      else occupees.set(jour.id, prises + 1);
    }
    actives.set(c.date, (actives.get(c.date) ?? new Set()).add(c.uniteId));
    aCreer.push({ date: c.date, uniteId: c.uniteId, jourId: jour.id, statut, existanteId: deja?.id });
    (statut === "RESERVEE" ? bilan.reservees : statut === "ATTENTE" ? bilan.enAttente : bilan.aValider).push(c);
  }
  return { aAnnuler, liberes, aCreer };
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
    inscription: {
      id: string;
      enfantId: string;
      familleId: string;
      activiteId: number;
      enfant: { prenoms: string };
      activite: { libelle: string };
    };
    unites: Map<number, Unite>;
    bilan: Bilan;
  },
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
      annulees: bilan.annulees.map(ligne),
      origine: auteur.kind === "AGENT" ? "service" : "famille",
    },
  });
}
