// Paramétrage of the reservations (administrators): the commune's school zone, the school calendar imported
// from the official file, the opening days of an activity generated for a year from its weekdays (previewed, then saved) for all its units
// and lieux or one of them, single days added or removed, the commune's closures, the deadlines, the school
// year's dates, the validation mode and the units' capacities. Each command is one transaction, journaled with
// the administrator who made it. Days that hold a booking are never removed: an agent handles them first.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { genererJours, lireCalendrierScolaire, type Generation } from "@/lib/domain/calendrier/generation";
import { dateDeJour, jourDeDate, jourParis, type Jour } from "@/lib/temps/jours";
import { delaiSchema, type Delai } from "@/lib/domain/calendrier/delais";
import { JAMAIS_RESERVATION } from "@/lib/domain/calendrier/schemas";
import { ZONES_SCOLAIRES, zoneDuJeu, type ZoneScolaire } from "@/lib/domain/calendrier/zones";
import { getCommune, oublierCommune } from "@/lib/domain/commune/queries";
import type { ModeValidation, TypeFermeture } from "@/lib/generated/prisma/enums";

/**
 * The commune's school zone (Commune.zoneScolaire, "Zone A" by default: Villefranque, académie de Bordeaux).
 * A command reads it in its transaction (`client`); the pages (the month view, the paramétrage) read the
 * commune every page already reads, kept 30 s per node and forgotten on this node when the zone changes
 * (modifierZone), instead of one more query per display.
 */
export async function zoneDeLaCommune(client?: Tx): Promise<ZoneScolaire> {
  const zone = client
    ? (await client.commune.findUnique({ where: { id: 1 }, select: { zoneScolaire: true } }))?.zoneScolaire
    : (await getCommune()).zoneScolaire;
  return zoneDuJeu(zone ?? "Zone A") ?? "Zone A";
}

const journaliser = (tx: Tx, agentId: string | undefined, event: string, details: Record<string, unknown>) =>
  agentId
    ? journal(tx, { event, actorKind: "AGENT", actorId: agentId, details: JSON.parse(JSON.stringify(details)) })
    : Promise.resolve();

/**
 * The official file's holidays, of every zone it holds (a later change of zone needs no new import), all of
 * them or nothing; refused when it holds none of the commune's zone (most likely the wrong file). `importees`
 * and `annees` are the commune's zone's, `autresZones` the periods kept for the other zones.
 */
export async function importerCalendrierScolaire(
  { donnees, agentId }: { donnees: unknown; agentId?: string },
  client?: Tx,
): Promise<{ importees: number; autresZones: number; ignorees: number; annees: string[] }> {
  const { ignorees } = lireCalendrierScolaire(donnees, ZONES_SCOLAIRES[0]);
  const parZone = ZONES_SCOLAIRES.map((zone) => ({ zone, vacances: lireCalendrierScolaire(donnees, zone).vacances }));
  const ecrire = async (tx: Tx) => {
    const zone = await zoneDeLaCommune(tx);
    const lesNotres = parZone.find((z) => z.zone === zone)?.vacances ?? [];
    if (lesNotres.length === 0) {
      throw new AppError(
        "calendrier",
        `Ce fichier ne contient aucune période de vacances de la zone de la commune (${zone}) : rien n'a été importé.`,
        "fichier",
      );
    }
    for (const { zone: z, vacances } of parZone) {
      for (const v of vacances) {
        const cle = { zone: z, description: v.description, debut: dateDeJour(v.debut) };
        await tx.vacancesScolaires.upsert({
          where: { zone_description_debut: cle },
          create: { ...cle, anneeScolaire: v.anneeScolaire, fin: dateDeJour(v.fin) },
          update: { anneeScolaire: v.anneeScolaire, fin: dateDeJour(v.fin) },
        });
      }
    }
    const annees = [...new Set(lesNotres.map((v) => v.anneeScolaire))].sort();
    const autresZones = parZone.reduce((n, z) => n + (z.zone === zone ? 0 : z.vacances.length), 0);
    await journaliser(tx, agentId, "reservations.calendrier_importe", {
      zone,
      importees: lesNotres.length,
      autresZones,
      ignorees,
      annees,
    });
    return { importees: lesNotres.length, autresZones, ignorees, annees };
  };
  return client ? ecrire(client) : db().$transaction(ecrire);
}

/**
 * The commune's school zone, by an administrator (checked here too, not only by the server action: it changes
 * every family's calendar). Saved opening days are not rewritten: the administrator regenerates them (with the
 * preview) as after any other change. Journaled with the zone before and after; unchanged, nothing is.
 */
export async function modifierZone({
  zone,
  agentId,
}: {
  zone: ZoneScolaire;
  agentId: string;
}): Promise<{ modifiee: boolean }> {
  const modifiee = await db().$transaction(async (tx) => {
    const auteur = await tx.agent.findUnique({ where: { id: agentId }, select: { role: true } });
    if (auteur?.role !== "ADMIN") {
      throw new AppError("interdit", "Seul un administrateur peut changer la zone de vacances scolaires.");
    }
    const avant = await zoneDeLaCommune(tx);
    if (avant === zone) return false;
    await tx.commune.update({ where: { id: 1 }, data: { zoneScolaire: zone } });
    await journaliser(tx, agentId, "reservations.zone", { avant, apres: zone });
    return true;
  });
  if (modifiee) oublierCommune();
  return { modifiee };
}

/** What a generation targets: an activity's year, with these weekdays, for all its units and lieux or one. */
export type Cible = {
  activiteId: number;
  anneeId: number;
  /** ISO weekdays (1 = lundi); default: the activity's own */
  joursSemaine?: number[];
  uniteId?: number | null;
  lieuId?: number | null;
};

export type Apercu = Generation & {
  /** unit × lieu opening days to create, to remove, and kept because they hold a booking */
  ajouts: number;
  retraits: number;
  retraitsReserves: number;
  /** the calendar days concerned */
  joursAjoutes: Jour[];
  joursRetires: Jour[];
  joursReserves: Jour[];
  joursSemaine: number[];
};

/** What a generation would write: shown before anything is saved, computed as the save computes it. */
export async function apercuJours(cible: Cible, client: Tx = db()): Promise<Apercu> {
  const p = await preparer(client, cible);
  const retires = p.aRetirer.filter((e) => e.reservees === 0);
  const reserves = p.aRetirer.filter((e) => e.reservees > 0);
  const jours = (liste: { date: Jour }[]) => [...new Set(liste.map((e) => e.date))].sort();
  return {
    ...p.generation,
    joursSemaine: p.joursSemaine,
    ajouts: p.aCreer.length,
    retraits: retires.length,
    retraitsReserves: reserves.length,
    joursAjoutes: jours(p.aCreer),
    joursRetires: jours(retires),
    joursReserves: jours(reserves),
  };
}

/** Saves the generation (for the whole activity, its weekdays become the activity's). */
export async function enregistrerJours({
  agentId,
  ...cible
}: Cible & { agentId?: string }): Promise<{ ajoutes: number; retires: number }> {
  return db().$transaction(async (tx) => {
    const p = await preparer(tx, cible);
    const { count: ajoutes } = await tx.jourOuverture.createMany({
      data: p.aCreer.map((c) => ({
        lieuId: c.lieuId,
        uniteId: c.uniteId,
        date: dateDeJour(c.date),
        capacite: c.capacite,
      })),
      skipDuplicates: true,
    });
    const { count: retires } = await tx.jourOuverture.deleteMany({
      where: {
        id: { in: p.aRetirer.filter((e) => e.reservees === 0).map((e) => e.id) },
        reservations: { none: { statut: { in: ["RESERVEE", "ATTENTE", "A_VALIDER"] } } },
      },
    });
    if (!cible.uniteId && !cible.lieuId && cible.joursSemaine) {
      await tx.activite.update({ where: { id: cible.activiteId }, data: { joursSemaine: p.joursSemaine } });
    }
    await journaliser(tx, agentId, "reservations.jours_generes", {
      ...cible,
      joursSemaine: p.joursSemaine,
      ajoutes,
      retires,
    });
    return { ajoutes, retires };
  });
}

async function cibles(client: Tx, { activiteId, uniteId, lieuId }: Omit<Cible, "anneeId">) {
  const [lieux, unites] = await Promise.all([
    client.lieu.findMany({ where: { activiteId, ...(lieuId ? { id: lieuId } : {}) }, orderBy: { ordre: "asc" } }),
    client.unite.findMany({ where: { activiteId, ...(uniteId ? { id: uniteId } : {}) }, orderBy: { ordre: "asc" } }),
  ]);
  if ((uniteId && unites.length === 0) || (lieuId && lieux.length === 0)) {
    throw new AppError("introuvable", "Cette unité ou ce lieu n'est pas de cette activité.");
  }
  return { lieux, unites };
}

function verifierJoursSemaine(joursSemaine: number[]): number[] {
  const jours = [...new Set(joursSemaine)].sort();
  if (jours.length === 0 || jours.some((j) => !Number.isInteger(j) || j < 1 || j > 7)) {
    throw new AppError("jours", "Cochez au moins un jour de la semaine.");
  }
  return jours;
}

async function preparer(client: Tx, cible: Cible) {
  const { activiteId, anneeId } = cible;
  const activite = await client.activite.findUnique({ where: { id: activiteId } });
  const annee = await client.anneeScolaire.findUnique({ where: { id: anneeId } });
  if (!activite || !annee) throw new AppError("introuvable", "Cette activité ou cette année scolaire est introuvable.");
  const joursSemaine = verifierJoursSemaine(cible.joursSemaine ?? activite.joursSemaine);
  const { lieux, unites } = await cibles(client, cible);
  const generation = genererJours({
    debut: jourDeDate(annee.dateDebut),
    fin: jourDeDate(annee.dateFin),
    joursSemaine,
    ...(await exclusions(client, activiteId, annee, await zoneDeLaCommune(client))),
  });
  const existants = await client.jourOuverture.findMany({
    where: {
      uniteId: { in: unites.map((u) => u.id) },
      lieuId: { in: lieux.map((l) => l.id) },
      date: { gte: annee.dateDebut, lte: annee.dateFin },
    },
    select: {
      id: true,
      uniteId: true,
      lieuId: true,
      date: true,
      _count: { select: { reservations: { where: { statut: { in: ["RESERVEE", "ATTENTE", "A_VALIDER"] } } } } },
    },
  });
  const presents = new Set(existants.map((e) => `${jourDeDate(e.date)}|${e.uniteId}|${e.lieuId}`));
  const voulus = new Set(generation.ouverts);
  const aCreer = generation.ouverts.flatMap((date) =>
    lieux.flatMap((lieu) =>
      unites
        .filter((unite) => !presents.has(`${date}|${unite.id}|${lieu.id}`))
        .map((unite) => ({ date, uniteId: unite.id, lieuId: lieu.id, capacite: unite.capacite })),
    ),
  );
  const aRetirer = existants
    .filter((e) => !voulus.has(jourDeDate(e.date)))
    .map((e) => ({ id: e.id, date: jourDeDate(e.date), reservees: e._count.reservations }));
  return { generation, joursSemaine, aCreer, aRetirer };
}

async function exclusions(
  client: Tx,
  activiteId: number,
  annee: { dateDebut: Date; dateFin: Date },
  zone: ZoneScolaire,
) {
  const [vacances, fermetures] = await Promise.all([
    client.vacancesScolaires.findMany({ where: { zone } }),
    client.fermeture.findMany({
      where: { OR: [{ activiteId: null }, { activiteId }], date: { gte: annee.dateDebut, lte: annee.dateFin } },
    }),
  ]);
  return {
    vacances: vacances.map((v) => ({ description: v.description, debut: jourDeDate(v.debut), fin: jourDeDate(v.fin) })),
    fermetures: fermetures.map((f) => ({ date: jourDeDate(f.date), libelle: f.libelle })),
  };
}

type UnJour = { activiteId: number; date: Jour; uniteId?: number | null; lieuId?: number | null; agentId?: string };

/** One more opening day (a Wednesday of outing, a day the generation left out): every unit and lieu, or one. */
export async function ajouterJour({ agentId, ...cible }: UnJour): Promise<{ ajoutes: number }> {
  return db().$transaction(async (tx) => {
    const { lieux, unites } = await cibles(tx, cible);
    const fermeture = await tx.fermeture.findFirst({
      where: { date: dateDeJour(cible.date), OR: [{ activiteId: null }, { activiteId: cible.activiteId }] },
    });
    if (fermeture) {
      throw new AppError(
        "ferme",
        `Ce jour est une fermeture de la commune (${fermeture.libelle}) : il ne peut pas être ouvert.`,
        "jour",
      );
    }
    const { count: ajoutes } = await tx.jourOuverture.createMany({
      data: lieux.flatMap((lieu) =>
        unites.map((unite) => ({
          lieuId: lieu.id,
          uniteId: unite.id,
          date: dateDeJour(cible.date),
          capacite: unite.capacite,
        })),
      ),
      skipDuplicates: true,
    });
    await journaliser(tx, agentId, "reservations.jour_ajoute", { ...cible, ajoutes });
    return { ajoutes };
  });
}

/** One opening day less: refused while a child is booked, waiting or awaiting validation on it. */
export async function retirerJour({ agentId, ...cible }: UnJour): Promise<{ retires: number }> {
  return db().$transaction(async (tx) => {
    const { lieux, unites } = await cibles(tx, cible);
    const where = {
      date: dateDeJour(cible.date),
      uniteId: { in: unites.map((u) => u.id) },
      lieuId: { in: lieux.map((l) => l.id) },
    };
    const reservees = await tx.reservation.count({
      where: { jour: where, statut: { in: ["RESERVEE", "ATTENTE", "A_VALIDER"] } },
    });
    if (reservees > 0) {
      throw new AppError(
        "reserve",
        `${reservees} réservation${reservees > 1 ? "s" : ""} sur ce jour : annulez-les d'abord (ou déclarez une fermeture).`,
        "jour",
      );
    }
    const { count: retires } = await tx.jourOuverture.deleteMany({ where });
    if (retires === 0) throw new AppError("absent", "Ce jour n'est pas un jour d'ouverture.", "jour");
    await journaliser(tx, agentId, "reservations.jour_retire", { ...cible, retires });
    return { retires };
  });
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
        reservations: { none: { statut: { in: ["RESERVEE", "ATTENTE", "A_VALIDER"] } } },
      },
    });
    await journaliser(tx, agentId, "reservations.fermeture", { date, type, activiteId });
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
    throw new AppError("delai", JAMAIS_RESERVATION, "reservation-type");
  }
  await db().$transaction(async (tx) => {
    await tx.activite.update({ where: { id: activiteId }, data: { delaiReservation: lue, delaiAnnulation: annul } });
    await journaliser(tx, agentId, "reservations.delais", { activiteId, reservation: lue, annulation: annul });
  });
}

/** A school year's opening of bookings (from 00:00 in Paris) and its optional read-only day. */
export async function modifierAnnee({
  anneeId,
  ouvertureReservations,
  lectureSeuleLe,
  agentId,
}: {
  anneeId: number;
  ouvertureReservations: Jour;
  lectureSeuleLe: Jour | null;
  agentId?: string;
}): Promise<void> {
  if (lectureSeuleLe && lectureSeuleLe <= ouvertureReservations) {
    throw new AppError(
      "dates",
      "La date de lecture seule doit venir après l'ouverture des réservations.",
      "lectureSeuleLe",
    );
  }
  await db().$transaction(async (tx) => {
    await tx.anneeScolaire.update({
      where: { id: anneeId },
      data: {
        ouvertureReservations: dateDeJour(ouvertureReservations),
        lectureSeuleLe: lectureSeuleLe ? dateDeJour(lectureSeuleLe) : null,
      },
    });
    await journaliser(tx, agentId, "reservations.annee", { anneeId, ouvertureReservations, lectureSeuleLe });
  });
}

/**
 * An activity's validation mode and its units' capacities (null: unlimited). A capacity applies to the unit's
 * opening days from today on; where it grew, the oldest requests of the waiting list get the new places.
 */
export async function modifierRegles({
  activiteId,
  validation,
  capacites,
  agentId,
  now = new Date(),
}: {
  activiteId: number;
  validation: ModeValidation;
  capacites: { uniteId: number; capacite: number | null }[];
  agentId?: string;
  now?: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.activite.update({ where: { id: activiteId }, data: { validation } });
    const depuis = dateDeJour(jourParis(now));
    for (const { uniteId, capacite } of capacites) {
      const { count } = await tx.unite.updateMany({ where: { id: uniteId, activiteId }, data: { capacite } });
      if (count === 0) throw new AppError("introuvable", "Cette unité n'est pas de cette activité.");
      await tx.jourOuverture.updateMany({ where: { uniteId, date: { gte: depuis } }, data: { capacite } });
      const enAttente = await tx.reservation.groupBy({
        by: ["jourId"],
        where: { uniteId, statut: "ATTENTE", date: { gte: depuis } },
      });
      for (const { jourId } of enAttente.sort((a, b) => a.jourId - b.jourId)) {
        // the same lock as a parent's save, so the count cannot be overtaken
        await tx.$queryRaw`SELECT id FROM "JourOuverture" WHERE id = ${jourId} FOR UPDATE`;
        const prises = await tx.reservation.count({ where: { jourId, statut: "RESERVEE" } });
        const places = capacite === null ? undefined : capacite - prises;
        if (places !== undefined && places <= 0) continue;
        const suivantes = await tx.reservation.findMany({
          where: { jourId, statut: "ATTENTE" },
          orderBy: [{ creeeLe: "asc" }, { id: "asc" }],
          ...(places !== undefined ? { take: places } : {}),
          select: { id: true },
        });
        await tx.reservation.updateMany({
          where: { id: { in: suivantes.map((s) => s.id) } },
          data: { statut: "RESERVEE" },
        });
      }
    }
    await journaliser(tx, agentId, "reservations.regles", { activiteId, validation, capacites });
  });
}

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
