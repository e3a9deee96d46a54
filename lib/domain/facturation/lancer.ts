// An agent emits the month's invoices: the run's row and its job are written in one transaction, so the
// queue's runners (lib/jobs) start it as soon as it commits, on whichever node is free, and a run whose node
// died is taken up again when a node starts (reprendre.ts). The run's `debut` is the clock the invoices are
// issued by (their date and due date), read again by every resumption.
//
// Before that: the month must be over (terme-echu.ts), the agent must hold FACTURATION (habilitation.ts), and
// the counts the agent confirmed from the simulation must still be the simulation's, computed again here, so
// nobody emits what they have not read.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { ajouterTravail } from "@/lib/jobs/file";
import { exigerFacturation } from "@/lib/domain/facturation/habilitation";
import { simulerFacturation } from "@/lib/domain/facturation/simulation";
import { dateDeJour } from "@/lib/temps/jours";

/** A run's job: one per run at a time (its key), tried again after an interruption. */
export const travailFacturation = (tx: Parameters<typeof ajouterTravail>[0], runId: string) =>
  ajouterTravail(tx, "facturation", { runId }, { cle: `facturation:${runId}`, essais: 10 });

export const DONNEES_CHANGEES = "Les données ont changé depuis la simulation : simulez à nouveau.";

/**
 * Starts a run for a month ("2026-10") with the counts confirmed from its simulation. Two runs of the same
 * month at once are harmless (see facturerLot in lot.ts), so nothing stops a second one.
 */
export async function lancerFacturation({
  mois,
  agentId,
  now,
  confirme,
}: {
  mois: string;
  agentId: string;
  now: Date;
  confirme: { factures: number; totalCentimes: number };
}) {
  await exigerFacturation({ id: agentId });
  const simulation = await simulerFacturation({ mois, now });
  if (simulation.factures !== confirme.factures || simulation.totalCentimes !== confirme.totalCentimes)
    throw new AppError("SIMULATION_PERIMEE", DONNEES_CHANGEES);
  return db().$transaction(async (tx) => {
    const run = await tx.runFacturation.create({
      data: { mois: dateDeJour(simulation.mois), lanceParId: agentId, debut: now },
    });
    await journal(tx, {
      event: "facturation.lancee",
      actorKind: "AGENT",
      actorId: agentId,
      details: { mois, run: run.id, factures: simulation.factures, totalCentimes: simulation.totalCentimes },
    });
    await travailFacturation(tx, run.id);
    return run;
  });
}
