// What a save of the calendar (enregistrer.ts) writes once every day was checked: its cancellations, its days
// booked again (their cancelled row reused: one row per child, unit and day whatever its state), its new days,
// each through the gate (franchir.ts) with its history, a few statements whatever the number of days; then a
// place freed on a full day goes to the oldest request of its waiting list.
import type { Tx } from "@/lib/db";
import { dateDeJour, type Jour } from "@/lib/temps/jours";
import { creer, franchir, nomDuParent, type ActeurReservation } from "@/lib/domain/reservation/franchir";
import type { Transition } from "@/lib/domain/reservation/transitions";

export type Auteur = { kind: "USAGER"; usagerId: string } | { kind: "AGENT"; agentId: string; nom: string };
export type Booke = "RESERVEE" | "ATTENTE" | "A_VALIDER";
/** a day the save books: `existanteId` when its row exists (cancelled or refused), else it is created */
export type ACreer = { date: Jour; uniteId: number; jourId: number; statut: Booke; existanteId?: string };

// the moves of a save (transitions.ts): the parent's, or an agent's for the family
const MOUVEMENTS = {
  USAGER: { RESERVEE: "reserver", ATTENTE: "mettreEnAttente", A_VALIDER: "demanderValidation", ANNULEE: "annuler" },
  AGENT: {
    RESERVEE: "reserverPourLaFamille",
    ATTENTE: "mettreEnAttentePourLaFamille",
    // never taken: an agent's booking needs no validation (and the gate refuses an agent this move)
    A_VALIDER: "demanderValidation",
    ANNULEE: "annulerPourLaFamille",
  },
} as const satisfies Record<Auteur["kind"], Record<Booke | "ANNULEE", Transition>>;

export async function ecrireLaSauvegarde(
  tx: Tx,
  {
    auteur,
    inscription,
    aAnnuler,
    aCreer,
    liberes,
    occupees,
    now,
  }: {
    auteur: Auteur;
    inscription: { id: string; enfantId: string; familleId: string };
    aAnnuler: string[];
    aCreer: ACreer[];
    /** the capacity's days a cancellation freed a place on, and each one's places taken after the save */
    liberes: number[];
    occupees: Map<number, number>;
    now: Date;
  },
): Promise<void> {
  const parAgentId = auteur.kind === "AGENT" ? auteur.agentId : null;
  // the parent's name is read once for the whole save's history
  const acteur: ActeurReservation =
    auteur.kind === "USAGER" ? { ...auteur, nom: (await nomDuParent(tx, auteur.usagerId)) ?? undefined } : auteur;
  const mouvements = MOUVEMENTS[auteur.kind];
  await franchir(tx, { ids: aAnnuler, transition: mouvements.ANNULEE, acteur, complement: { parAgentId }, now });
  for (const statut of ["RESERVEE", "ATTENTE", "A_VALIDER"] as const) {
    const ceux = aCreer.filter((a) => a.statut === statut);
    if (ceux.length === 0) continue;
    await franchir(tx, {
      ids: ceux.flatMap((a) => (a.existanteId ? [a.existanteId] : [])),
      transition: mouvements[statut],
      acteur,
      complement: { inscriptionId: inscription.id, familleId: inscription.familleId, parAgentId, creeeLe: now },
      now,
    });
    await creer(tx, {
      jours: ceux
        .filter((a) => !a.existanteId)
        .map((a) => ({
          enfantId: inscription.enfantId,
          uniteId: a.uniteId,
          date: dateDeJour(a.date),
          jourId: a.jourId,
          inscriptionId: inscription.id,
          familleId: inscription.familleId,
          parAgentId,
        })),
      transition: mouvements[statut],
      acteur,
      now,
    });
  }
  await promouvoirAttente(tx, liberes, occupees, now);
}

/** A place freed on a full day goes to the oldest request of its waiting list. */
async function promouvoirAttente(tx: Tx, liberes: number[], occupees: Map<number, number>, now: Date) {
  for (const jourId of new Set(liberes)) {
    const jour = await tx.jourOuverture.findUniqueOrThrow({ where: { id: jourId }, select: { capacite: true } });
    const places = (jour.capacite ?? 0) - (occupees.get(jourId) ?? 0);
    if (places <= 0) continue;
    const suivantes = await tx.reservation.findMany({
      where: { jourId, statut: "ATTENTE" },
      orderBy: [{ creeeLe: "asc" }, { id: "asc" }],
      take: places,
      select: { id: true },
    });
    await franchir(tx, {
      ids: suivantes.map((s) => s.id),
      transition: "promouvoir",
      acteur: { kind: "SYSTEME" },
      motif: "une place s'est libérée",
      now,
    });
  }
}
