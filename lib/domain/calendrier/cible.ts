// What a generation of opening days targets, and what it would write: computed the same way for the preview
// (apercu-jours.ts) and the save (enregistrer-jours.ts). Days that hold a booking (booked, waiting, awaiting
// validation, asked during a booking window, offered from its waiting list) are never removed: an agent handles
// them first.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { genererJours, type Generation } from "@/lib/domain/calendrier/generation";
import { zoneDeLaCommune } from "@/lib/domain/calendrier/zone";
import type { ZoneScolaire } from "@/lib/domain/calendrier/zones";
import { jourDeDate, type Jour } from "@/lib/temps/jours";

/** The states that hold a place on a day: such a day is never removed by the paramétrage. */
export const STATUTS_OCCUPANTS = ["RESERVEE", "ATTENTE", "A_VALIDER", "DEMANDEE", "PROPOSEE"] as const;

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

export async function cibles(client: Tx, { activiteId, uniteId, lieuId }: Omit<Cible, "anneeId">) {
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

export async function preparer(client: Tx, cible: Cible) {
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
      _count: { select: { reservations: { where: { statut: { in: [...STATUTS_OCCUPANTS] } } } } },
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

export type UnJour = {
  activiteId: number;
  date: Jour;
  uniteId?: number | null;
  lieuId?: number | null;
  agentId?: string;
};
