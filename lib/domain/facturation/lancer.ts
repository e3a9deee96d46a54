// An agent launches the month's invoicing: the run's row and its job are written in one transaction, so the
// queue's runners (lib/jobs) start it as soon as it commits, on whichever node is free, and a run whose node
// died is taken up again when a node starts (reprendre.ts). The run's `debut` is the clock the invoices are
// issued by (their date and due date), read again by every resumption.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { ajouterTravail } from "@/lib/jobs/file";
import { dateDeJour } from "@/lib/temps/jours";

/** A run's job: one per run at a time (its key), tried again after an interruption. */
export const travailFacturation = (tx: Parameters<typeof ajouterTravail>[0], runId: string) =>
  ajouterTravail(tx, "facturation", { runId }, { cle: `facturation:${runId}`, essais: 10 });

/**
 * Starts a run for a month ("2026-10"). Two runs of the same month at once are harmless (see facturerLot in
 * lot.ts), so nothing stops a second one.
 */
export async function lancerFacturation({ mois, agentId, now }: { mois: string; agentId: string; now: Date }) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(mois)) throw new AppError("MOIS", "Choisissez un mois.", "mois");
  return db().$transaction(async (tx) => {
    const run = await tx.runFacturation.create({
      data: { mois: dateDeJour(`${mois}-01`), lanceParId: agentId, debut: now },
    });
    await journal(tx, {
      event: "facturation.lancee",
      actorKind: "AGENT",
      actorId: agentId,
      details: { mois, run: run.id },
    });
    await travailFacturation(tx, run.id);
    return run;
  });
}
