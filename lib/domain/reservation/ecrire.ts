// What a save of the calendar (enregistrer.ts) writes once every day was checked: its cancellations, its days
// booked again (their cancelled row reused: one row per child, unit and day whatever its state), its new days,
// each through the gate (franchir.ts) with its history, a few statements whatever the number of days; then a
// place freed on a full day goes to its waiting list (offered on a booking window's day: fenetre/offres.ts).
import type { Tx } from "@/lib/db";
import { dateDeJour, type Jour } from "@/lib/temps/jours";
import { creer, franchir, nomDuParent, type ActeurReservation } from "@/lib/domain/reservation/franchir";
import type { Transition } from "@/lib/domain/reservation/transitions";
import { donnerLesPlacesLibres } from "@/lib/domain/fenetre/offres";

export type Auteur = { kind: "USAGER"; usagerId: string } | { kind: "AGENT"; agentId: string; nom: string };
export type Booke = "RESERVEE" | "ATTENTE" | "A_VALIDER" | "DEMANDEE";
/** a day the save books: `existanteId` when its row exists (cancelled or refused), else it is created */
export type ACreer = { date: Jour; uniteId: number; jourId: number; statut: Booke; existanteId?: string };

// the moves of a save (transitions.ts): the parent's, or an agent's for the family
const MOUVEMENTS = {
  USAGER: {
    RESERVEE: "reserver",
    ATTENTE: "mettreEnAttente",
    A_VALIDER: "demanderValidation",
    DEMANDEE: "demanderEnFenetre",
    ANNULEE: "annuler",
  },
  AGENT: {
    RESERVEE: "reserverPourLaFamille",
    ATTENTE: "mettreEnAttentePourLaFamille",
    // never taken: an agent's booking needs no validation (and the gate refuses an agent this move)
    A_VALIDER: "demanderValidation",
    // never taken either: an agent's save books within the capacity, even during a booking window
    DEMANDEE: "demanderEnFenetre",
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
    now,
  }: {
    auteur: Auteur;
    inscription: { id: string; enfantId: string; familleId: string };
    aAnnuler: string[];
    aCreer: ACreer[];
    /** the capacity's days a cancellation freed a place on (locked by the save) */
    liberes: number[];
    now: Date;
  },
): Promise<void> {
  const parAgentId = auteur.kind === "AGENT" ? auteur.agentId : null;
  // the parent's name is read once for the whole save's history
  const acteur: ActeurReservation =
    auteur.kind === "USAGER" ? { ...auteur, nom: (await nomDuParent(tx, auteur.usagerId)) ?? undefined } : auteur;
  const mouvements = MOUVEMENTS[auteur.kind];
  await franchir(tx, { ids: aAnnuler, transition: mouvements.ANNULEE, acteur, complement: { parAgentId }, now });
  for (const statut of ["RESERVEE", "ATTENTE", "A_VALIDER", "DEMANDEE"] as const) {
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
  await donnerLesPlacesLibres(tx, { jourIds: liberes, motif: "une place s'est libérée", now });
}
