// Bookings validated by an agent (Activite.validation = AGENT): a parent's request waits as A_VALIDER until an
// agent of the console validates it (booked, or on the waiting list when the day is full) or refuses it. One
// transaction per decision, under the same locks as a parent's save (the child, then the capacity's days, in
// that order), journaled with the agent. The family is told in the same transaction: one mail per representant
// with a space and per child's inscription, the days decided with their new state.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { jourDeDate } from "@/lib/temps/jours";
import { envoyerRecap, espacesDeLaFamille, ligneRecap } from "@/lib/domain/reservation/recap";
import { acteurAgent, franchir } from "@/lib/domain/reservation/franchir";
import type { StatutReservation } from "@/lib/generated/prisma/enums";

/** The requests waiting for an agent, oldest service day first. */
export async function reservationsAValider({ limite = 200 }: { limite?: number } = {}) {
  const lignes = await db().reservation.findMany({
    where: { statut: "A_VALIDER" },
    orderBy: [{ date: "asc" }, { creeeLe: "asc" }, { id: "asc" }],
    take: limite,
    select: {
      id: true,
      date: true,
      creeeLe: true,
      enfant: { select: { prenoms: true, nom: true } },
      unite: { select: { libelle: true, activite: { select: { libelle: true } } } },
      jour: { select: { lieu: { select: { nom: true } } } },
    },
  });
  return lignes.map((l) => ({
    id: l.id,
    jour: jourDeDate(l.date),
    enfant: `${l.enfant.prenoms} ${l.enfant.nom.toUpperCase()}`,
    activite: l.unite.activite.libelle,
    unite: l.unite.libelle,
    lieu: l.jour.lieu.nom,
  }));
}

export type Decision = "valider" | "refuser";

/** Validates (within the day's capacity, else the waiting list) or refuses requests still waiting. */
export async function deciderReservations({
  agentId,
  ids,
  decision,
  now = new Date(),
}: {
  agentId: string;
  ids: string[];
  decision: Decision;
  now?: Date;
}): Promise<{ reservees: number; enAttente: number; refusees: number }> {
  if (ids.length === 0) throw new AppError("vide", "Cochez au moins une demande.", "ids");
  const resultat = await db().$transaction(async (tx) => {
    const acteur = await acteurAgent(tx, agentId);
    // the children's rows first, in id order, as a parent's save locks its child's: a request withdrawn by the
    // parent meanwhile is not validated behind their back
    const enfants = await tx.reservation.findMany({ where: { id: { in: ids } }, select: { enfantId: true } });
    const enfantIds = [...new Set(enfants.map((e) => e.enfantId))].sort();
    await tx.$queryRaw`SELECT id FROM "Enfant" WHERE id = ANY(${enfantIds}) ORDER BY id FOR UPDATE`;
    const demandes = await tx.reservation.findMany({
      where: { id: { in: ids }, statut: "A_VALIDER" },
      orderBy: [{ creeeLe: "asc" }, { id: "asc" }],
      select: {
        id: true,
        jourId: true,
        date: true,
        enfantId: true,
        familleId: true,
        inscriptionId: true,
        jour: { select: { capacite: true } },
        enfant: { select: { prenoms: true } },
        unite: { select: { libelle: true, activite: { select: { libelle: true } } } },
      },
    });
    if (demandes.length === 0) {
      throw new AppError("traitees", "Ces demandes ont déjà été traitées.");
    }
    const bilan = { reservees: 0, enAttente: 0, refusees: 0 };
    const decidees = new Map<string, StatutReservation>();
    if (decision === "refuser") {
      await franchir(tx, {
        ids: demandes.map((d) => d.id),
        transition: "refuser",
        acteur,
        complement: { parAgentId: agentId },
        now,
      });
      bilan.refusees = demandes.length;
      for (const d of demandes) decidees.set(d.id, "REFUSEE");
    } else {
      const limites = [...new Set(demandes.filter((d) => d.jour.capacite !== null).map((d) => d.jourId))].sort(
        (a, b) => a - b,
      );
      if (limites.length > 0) {
        await tx.$queryRaw`SELECT id FROM "JourOuverture" WHERE id = ANY(${limites}) ORDER BY id FOR UPDATE`;
      }
      const occupees = new Map<number, number>();
      for (const c of await tx.reservation.groupBy({
        by: ["jourId"],
        // a place offered from a booking window's waiting list is held for its family
        where: { jourId: { in: limites }, statut: { in: ["RESERVEE", "PROPOSEE"] } },
        _count: { _all: true },
      })) {
        occupees.set(c.jourId, c._count._all);
      }
      const reservees: string[] = [];
      const attente: string[] = [];
      for (const d of demandes) {
        const prises = occupees.get(d.jourId) ?? 0;
        if (d.jour.capacite !== null && prises >= d.jour.capacite) attente.push(d.id);
        else {
          occupees.set(d.jourId, prises + 1);
          reservees.push(d.id);
        }
      }
      for (const [statut, transition, liste] of [
        ["RESERVEE", "valider", reservees],
        ["ATTENTE", "validerEnAttente", attente],
      ] as const) {
        await franchir(tx, { ids: liste, transition, acteur, complement: { parAgentId: agentId }, now });
        for (const id of liste) decidees.set(id, statut);
      }
      bilan.reservees = reservees.length;
      bilan.enAttente = attente.length;
    }
    await journal(tx, {
      event: "reservations.validation",
      actorKind: "AGENT",
      actorId: agentId,
      details: { decision, ...bilan },
    });
    await prevenirLesFamilles(tx, demandes, decidees);
    return bilan;
  });
  return resultat;
}

type Decidee = {
  id: string;
  date: Date;
  enfantId: string;
  familleId: string;
  inscriptionId: string;
  enfant: { prenoms: string };
  unite: { libelle: string; activite: { libelle: string } };
};

/** One recap per child's inscription (the household the days are booked under), its days in date order. */
async function prevenirLesFamilles(tx: Tx, demandes: Decidee[], decidees: Map<string, StatutReservation>) {
  const parInscription = new Map<string, Decidee[]>();
  for (const d of demandes) parInscription.set(d.inscriptionId, [...(parInscription.get(d.inscriptionId) ?? []), d]);
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
  for (const [inscriptionId, jours] of parInscription) {
    const premiere = jours[0]!;
    jours.sort((a, b) => a.date.getTime() - b.date.getTime() || a.unite.libelle.localeCompare(b.unite.libelle));
    const lignes = (statut: StatutReservation) =>
      jours.filter((d) => decidees.get(d.id) === statut).map((d) => ligneRecap(jourDeDate(d.date), d.unite.libelle));
    await envoyerRecap(tx, {
      destinataires: await espacesDeLaFamille(tx, premiere.familleId),
      enfantId: premiere.enfantId,
      inscriptionId,
      recap: {
        commune: commune.nom,
        enfant: premiere.enfant.prenoms,
        activite: premiere.unite.activite.libelle,
        reservees: lignes("RESERVEE"),
        enAttente: lignes("ATTENTE"),
        annulees: [],
        refusees: lignes("REFUSEE"),
        origine: "decision",
      },
    });
  }
}
