// Paramétrage of the reservations (administrators): the school calendar imported from the official file,
// the opening days of an activity generated for a year (previewed, then saved), the commune's closures and
// the deadlines. Days that already hold a booking are never removed by a generation: an agent handles them.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { genererJours, lireCalendrierScolaire, type Generation } from "@/lib/domain/reservation/calendrier";
import { dateDeJour, jourDeDate, jourParis, type Jour } from "@/lib/domain/reservation/jours";
import { delaiSchema, type Delai } from "@/lib/domain/reservation/delais";
import type { TypeFermeture } from "@/lib/generated/prisma/enums";

/** Villefranque (Pyrénées-Atlantiques, académie de Bordeaux) is in zone A. */
export const ZONE_SCOLAIRE = "Zone A";

export async function importerCalendrierScolaire(
  { donnees, agentId, zone = ZONE_SCOLAIRE }: { donnees: unknown; agentId?: string; zone?: string },
  client: Tx = db(),
): Promise<{ importees: number; ignorees: number }> {
  const { vacances, ignorees } = lireCalendrierScolaire(donnees, zone);
  for (const v of vacances) {
    const cle = { zone, description: v.description, debut: dateDeJour(v.debut) };
    await client.vacancesScolaires.upsert({
      where: { zone_description_debut: cle },
      create: { ...cle, anneeScolaire: v.anneeScolaire, fin: dateDeJour(v.fin) },
      update: { anneeScolaire: v.anneeScolaire, fin: dateDeJour(v.fin) },
    });
  }
  if (agentId) {
    await journal(client, {
      event: "reservations.calendrier_importe",
      actorKind: "AGENT",
      actorId: agentId,
      details: { zone, importees: vacances.length },
    });
  }
  return { importees: vacances.length, ignorees };
}

export type Apercu = Generation & { ajouts: number; retraits: number; retraitsReserves: number };

/** What a generation for the year would write, per unit and lieu alike: shown before anything is saved. */
export async function apercuJours(
  { activiteId, anneeId }: { activiteId: number; anneeId: number },
  client: Tx = db(),
): Promise<Apercu> {
  const { generation, existants } = await preparer(client, activiteId, anneeId);
  const voulus = new Set(generation.ouverts);
  const cibles =
    (await client.lieu.count({ where: { activiteId } })) * (await client.unite.count({ where: { activiteId } }));
  const presents = new Map<Jour, number>();
  for (const e of existants) presents.set(jourDeDate(e.date), (presents.get(jourDeDate(e.date)) ?? 0) + 1);
  const retires = existants.filter((e) => !voulus.has(jourDeDate(e.date)));
  return {
    ...generation,
    ajouts: generation.ouverts.reduce((n, jour) => n + cibles - (presents.get(jour) ?? 0), 0),
    retraits: retires.filter((e) => e._count.reservations === 0).length,
    retraitsReserves: retires.filter((e) => e._count.reservations > 0).length,
  };
}

/** Saves the generation: every unit at every lieu of the activity, on every opening day of the year. */
export async function enregistrerJours({
  activiteId,
  anneeId,
  agentId,
}: {
  activiteId: number;
  anneeId: number;
  agentId?: string;
}): Promise<{ ajoutes: number; retires: number }> {
  return db().$transaction(async (tx) => {
    const { generation, existants } = await preparer(tx, activiteId, anneeId);
    const [lieux, unites] = [
      await tx.lieu.findMany({ where: { activiteId } }),
      await tx.unite.findMany({ where: { activiteId } }),
    ];
    const { count: ajoutes } = await tx.jourOuverture.createMany({
      data: lieux.flatMap((lieu) =>
        unites.flatMap((unite) =>
          generation.ouverts.map((jour) => ({
            lieuId: lieu.id,
            uniteId: unite.id,
            date: dateDeJour(jour),
            capacite: unite.capacite,
          })),
        ),
      ),
      skipDuplicates: true,
    });
    const voulus = new Set(generation.ouverts);
    const { count: retires } = await tx.jourOuverture.deleteMany({
      where: {
        id: { in: existants.filter((e) => !voulus.has(jourDeDate(e.date))).map((e) => e.id) },
        reservations: { none: { statut: { not: "ANNULEE" } } },
      },
    });
    if (agentId) {
      await journal(tx, {
        event: "reservations.jours_generes",
        actorKind: "AGENT",
        actorId: agentId,
        details: { activiteId, anneeId, ajoutes, retires },
      });
    }
    return { ajoutes, retires };
  });
}

async function preparer(client: Tx, activiteId: number, anneeId: number) {
  const activite = await client.activite.findUniqueOrThrow({ where: { id: activiteId } });
  const annee = await client.anneeScolaire.findUniqueOrThrow({ where: { id: anneeId } });
  const vacances = await client.vacancesScolaires.findMany({ where: { zone: ZONE_SCOLAIRE } });
  const fermetures = await client.fermeture.findMany({
    where: { OR: [{ activiteId: null }, { activiteId }], date: { gte: annee.dateDebut, lte: annee.dateFin } },
  });
  const generation = genererJours({
    debut: jourDeDate(annee.dateDebut),
    fin: jourDeDate(annee.dateFin),
    joursSemaine: activite.joursSemaine,
    vacances: vacances.map((v) => ({ description: v.description, debut: jourDeDate(v.debut), fin: jourDeDate(v.fin) })),
    fermetures: fermetures.map((f) => ({ date: jourDeDate(f.date), libelle: f.libelle })),
  });
  const existants = await client.jourOuverture.findMany({
    where: { unite: { activiteId }, date: { gte: annee.dateDebut, lte: annee.dateFin } },
    select: { id: true, date: true, _count: { select: { reservations: { where: { statut: { not: "ANNULEE" } } } } } },
  });
  return { generation, existants };
}

/** A closure of the commune (pont, grève, exceptionnel): its unbooked opening days go at once. */
export async function fermer({
  date,
  type,
  libelle,
  activiteId = null,
  agentId,
}: {
  date: Jour;
  type: TypeFermeture;
  libelle: string;
  activiteId?: number | null;
  agentId?: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.fermeture.create({ data: { date: dateDeJour(date), type, libelle, activiteId } });
    await tx.jourOuverture.deleteMany({
      where: {
        date: dateDeJour(date),
        ...(activiteId ? { unite: { activiteId } } : {}),
        reservations: { none: { statut: { not: "ANNULEE" } } },
      },
    });
    if (agentId) {
      await journal(tx, {
        event: "reservations.fermeture",
        actorKind: "AGENT",
        actorId: agentId,
        details: { date, type, activiteId },
      });
    }
  });
}

/** The booking and cancelling deadlines of an activity ("jamais" only for cancelling). */
export async function modifierDelais({
  activiteId,
  reservation,
  annulation,
  agentId,
}: {
  activiteId: number;
  reservation: Delai;
  annulation: Delai;
  agentId?: string;
}): Promise<void> {
  const lue = delaiSchema.parse(reservation);
  const annul = delaiSchema.parse(annulation);
  if (lue.type === "JAMAIS") {
    throw new AppError(
      "delai",
      "Un délai de réservation est une date limite : « jamais » ne vaut que pour l'annulation.",
      "reservation",
    );
  }
  await db().$transaction(async (tx) => {
    await tx.activite.update({ where: { id: activiteId }, data: { delaiReservation: lue, delaiAnnulation: annul } });
    if (agentId) {
      await journal(tx, {
        event: "reservations.delais",
        actorKind: "AGENT",
        actorId: agentId,
        details: { activiteId, reservation: lue, annulation: annul },
      });
    }
  });
}

/** What the console's Paramétrage des réservations shows: the current year, each activity, the closures. */
export async function parametresReservations(now = new Date()) {
  const annee = await db().anneeScolaire.findFirst({
    where: { dateFin: { gte: dateDeJour(jourParis(now)) } },
    orderBy: { dateDebut: "asc" },
  });
  const activites = await db().activite.findMany({
    orderBy: { ordre: "asc" },
    select: {
      id: true,
      libelle: true,
      delaiReservation: true,
      delaiAnnulation: true,
      unites: { orderBy: { ordre: "asc" }, select: { libelle: true, capacite: true, exclusive: true } },
    },
  });
  const jours = annee
    ? await db().jourOuverture.groupBy({
        by: ["uniteId"],
        where: { date: { gte: annee.dateDebut, lte: annee.dateFin } },
        _count: { _all: true },
      })
    : [];
  const unites = await db().unite.findMany({ select: { id: true, activiteId: true } });
  const parActivite = new Map<number, number>();
  for (const j of jours) {
    const activiteId = unites.find((u) => u.id === j.uniteId)?.activiteId;
    if (activiteId !== undefined) parActivite.set(activiteId, (parActivite.get(activiteId) ?? 0) + j._count._all);
  }
  const fermetures = annee
    ? await db().fermeture.findMany({
        where: { date: { gte: annee.dateDebut, lte: annee.dateFin } },
        orderBy: { date: "asc" },
      })
    : [];
  return {
    annee: annee
      ? { id: annee.id, libelle: annee.libelle, debut: jourDeDate(annee.dateDebut), fin: jourDeDate(annee.dateFin) }
      : null,
    activites: activites.map((a) => ({ ...a, jours: parActivite.get(a.id) ?? 0 })),
    fermetures: fermetures.map((f) => ({ id: f.id, libelle: f.libelle, date: jourDeDate(f.date) })),
  };
}
