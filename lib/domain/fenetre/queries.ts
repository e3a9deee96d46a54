// The reads of booking windows: the console's list and detail (agents: the requests counted per unit, the
// allocation's journal with the children's names), the public view of a window (what anyone may read: the
// dates, the priorities and their points, the seed once allocated; nothing about a family), and the windows a
// parent's calendar shows a banner for.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { LIBELLES_FENETRE } from "@/lib/domain/fenetre/transitions";
import { CRITERES } from "@/lib/domain/fenetre/schemas";
import { jourDeDate, jourParis, dateDeJour, type Jour } from "@/lib/temps/jours";
import type { CriterePriorite, StatutFenetre } from "@/lib/generated/prisma/enums";

/** The seed's SHA-256 fingerprint, published while the requests are collected (the seed itself after). */
export const empreinteGraine = (graine: string) => createHash("sha256").update(graine).digest("hex");

const LIBELLE_CRITERE = new Map(CRITERES.map((c) => [c.critere, c]));
export const libelleCritere = (critere: CriterePriorite) => LIBELLE_CRITERE.get(critere)?.libelle ?? critere;

const ENTETE = {
  id: true,
  libelle: true,
  statut: true,
  debut: true,
  fin: true,
  ouverture: true,
  fermeture: true,
  delaiOffreHeures: true,
  activite: { select: { libelle: true } },
  unites: { select: { unite: { select: { id: true, libelle: true, capacite: true, ordre: true } } } },
  criteres: { orderBy: { ordre: "asc" }, select: { critere: true, points: true } },
} as const;

type Ligne = {
  id: number;
  libelle: string;
  statut: StatutFenetre;
  debut: Date;
  fin: Date;
  ouverture: Date;
  fermeture: Date;
  delaiOffreHeures: number;
  activite: { libelle: string };
  unites: { unite: { id: number; libelle: string; capacite: number | null; ordre: number } }[];
  criteres: { critere: CriterePriorite; points: number }[];
};

/** What any view of a window shows: its dates as calendar days and instants, its units, its priorities. */
function entete(f: Ligne) {
  return {
    id: f.id,
    libelle: f.libelle,
    statut: f.statut,
    etat: LIBELLES_FENETRE[f.statut],
    activite: f.activite.libelle,
    debut: jourDeDate(f.debut),
    fin: jourDeDate(f.fin),
    ouverture: f.ouverture,
    fermeture: f.fermeture,
    delaiOffreHeures: f.delaiOffreHeures,
    unites: f.unites.map((u) => u.unite).sort((a, b) => a.ordre - b.ordre),
    criteres: f.criteres.map((c) => ({ ...c, libelle: libelleCritere(c.critere) })),
  };
}
export type EnteteFenetre = ReturnType<typeof entete>;

/** The requests collected so far (DEMANDEE days) of a window, per unit: days and children. */
async function demandesParUnite(f: Ligne): Promise<Map<number, { jours: number; enfants: number }>> {
  const lignes = await db().reservation.groupBy({
    by: ["uniteId", "enfantId"],
    where: {
      statut: "DEMANDEE",
      uniteId: { in: f.unites.map((u) => u.unite.id) },
      date: { gte: f.debut, lte: f.fin },
    },
    _count: { _all: true },
  });
  const parUnite = new Map<number, { jours: number; enfants: number }>();
  for (const l of lignes) {
    const n = parUnite.get(l.uniteId) ?? { jours: 0, enfants: 0 };
    parUnite.set(l.uniteId, { jours: n.jours + l._count._all, enfants: n.enfants + 1 });
  }
  return parUnite;
}

/** The console's list, the newest first, each with the requests it collected (children who asked). */
export async function fenetresConsole() {
  const fenetres = await db().fenetreReservation.findMany({
    orderBy: [{ ouverture: "desc" }, { id: "desc" }],
    select: { ...ENTETE, _count: { select: { classement: true } } },
    take: 100,
  });
  return Promise.all(
    fenetres.map(async (f) => {
      const parUnite = f.statut === "COLLECTE" ? await demandesParUnite(f) : new Map();
      const demandes =
        f.statut === "COLLECTE" ? [...parUnite.values()].reduce((n, u) => n + u.enfants, 0) : f._count.classement;
      return { ...entete(f), demandes };
    }),
  );
}

/** The console's detail: history, requests per unit, and after allocation the journal with the names. */
export async function fenetreConsole(id: number) {
  const f = await db().fenetreReservation.findUnique({
    where: { id },
    select: {
      ...ENTETE,
      graine: true,
      attribueeLe: true,
      evenements: { orderBy: { createdAt: "asc" } },
      classement: { orderBy: [{ uniteId: "asc" }, { rang: "asc" }] },
    },
  });
  if (!f) return null;
  const agents = new Map(
    (
      await db().agent.findMany({
        where: { id: { in: f.evenements.flatMap((e) => (e.acteurId ? [e.acteurId] : [])) } },
        select: { id: true, prenom: true, nom: true },
      })
    ).map((a) => [a.id, `${a.prenom} ${a.nom}`]),
  );
  const enfants = new Map(
    (
      await db().enfant.findMany({
        where: { id: { in: f.classement.map((c) => c.enfantId) } },
        select: { id: true, prenoms: true, nom: true },
      })
    ).map((e) => [e.id, `${e.prenoms} ${e.nom.toUpperCase()}`]),
  );
  const familles = new Map(
    (
      await db().famille.findMany({
        where: { id: { in: f.classement.map((c) => c.familleId) } },
        select: { id: true, cleEnfance: true },
      })
    ).map((x) => [x.id, x.cleEnfance]),
  );
  const parUnite = await demandesParUnite(f);
  const unites = new Map(f.unites.map((u) => [u.unite.id, u.unite.libelle]));
  return {
    ...entete(f),
    attribueeLe: f.attribueeLe,
    // the seed only once allocated: before, its fingerprint commits the commune to it without revealing it
    graine: f.statut === "ATTRIBUEE" ? f.graine : null,
    empreinte: empreinteGraine(f.graine),
    historique: f.evenements.map((e) => ({
      id: String(e.id),
      de: e.de ? LIBELLES_FENETRE[e.de] : null,
      vers: LIBELLES_FENETRE[e.vers],
      transition: e.transition,
      acteur: e.acteur === "SYSTEME" ? "Système" : ((e.acteurId && agents.get(e.acteurId)) ?? "Agent"),
      motif: e.motif,
      le: e.createdAt,
    })),
    demandes: entete(f).unites.map((u) => ({
      unite: u.libelle,
      capacite: u.capacite,
      ...(parUnite.get(u.id) ?? { jours: 0, enfants: 0 }),
    })),
    journal: f.classement.map((c) => ({
      id: c.id,
      unite: unites.get(c.uniteId) ?? "",
      rang: c.rang,
      enfant: enfants.get(c.enfantId) ?? "",
      familleId: c.familleId,
      famille: familles.get(c.familleId) ?? "",
      points: c.points,
      criteres: c.criteres.map(libelleCritere),
      tirage: c.tirage,
      joursDemandes: c.joursDemandes,
      joursAttribues: c.joursAttribues,
      joursEnAttente: c.joursEnAttente,
    })),
  };
}
export type FenetreConsole = NonNullable<Awaited<ReturnType<typeof fenetreConsole>>>;

/** What anyone may read of a window: no family, no child, no count of requests. */
export async function fenetrePublique(id: number) {
  const f = await db().fenetreReservation.findUnique({ where: { id }, select: { ...ENTETE, graine: true } });
  if (!f || f.statut === "ANNULEE") return null;
  return {
    ...entete(f),
    graine: f.statut === "ATTRIBUEE" ? f.graine : null,
    empreinte: empreinteGraine(f.graine),
  };
}

/**
 * The windows a parent's calendar shows a banner for: collecting (before or after their close, until the
 * allocation) over one of the units shown, their days not all past. ONE query.
 */
export async function fenetresDuCalendrier(uniteIds: number[], now: Date) {
  if (uniteIds.length === 0) return [];
  const aujourdhui: Jour = jourParis(now);
  const fenetres = await db().fenetreReservation.findMany({
    where: {
      statut: "COLLECTE",
      fin: { gte: dateDeJour(aujourdhui) },
      unites: { some: { uniteId: { in: uniteIds } } },
    },
    orderBy: { debut: "asc" },
    select: {
      id: true,
      libelle: true,
      debut: true,
      fin: true,
      ouverture: true,
      fermeture: true,
      activite: { select: { libelle: true } },
    },
  });
  return fenetres.map((f) => ({
    id: f.id,
    libelle: f.libelle,
    activite: f.activite.libelle,
    debut: jourDeDate(f.debut),
    fin: jourDeDate(f.fin),
    ouverture: f.ouverture,
    fermeture: f.fermeture,
  }));
}
export type FenetreDuCalendrier = Awaited<ReturnType<typeof fenetresDuCalendrier>>[number];

/** The activities and their units for the creation form, each unit with its capacity (null: not offered). */
export function activitesPourFenetre() {
  return db().activite.findMany({
    orderBy: { ordre: "asc" },
    select: {
      id: true,
      libelle: true,
      unites: { orderBy: { ordre: "asc" }, select: { id: true, libelle: true, capacite: true } },
    },
  });
}
