// The reçus of a debit run's payments, numbered and mailed after the run commits (job « prelevements.recus »):
// a month's thousands of PDFs do not hold the run's transaction and its locks. A hundred payments per
// transaction, each with emettreRecu (the série RE stays gap-free: a number is reserved only with its reçu);
// a retry resumes with the payments still without one. Dated by the run's own instant.
import "server-only";
import { db } from "@/lib/db";
import { reveillerCourriels } from "@/lib/mail/outbox";
import { emettreRecu } from "@/lib/domain/paiement/recu";

const PAR_LOT = 100;

export async function emettreRecusDuRun(runId: string, continuer: () => boolean = () => true): Promise<number> {
  const run = await db().runPrelevement.findUnique({ where: { id: runId }, select: { creeLe: true } });
  if (!run) return 0;
  let emis = 0;
  while (continuer()) {
    const lot = await db().$transaction(
      async (tx) => {
        const paiements = await tx.$queryRaw<{ id: string }[]>`
          SELECT pa.id FROM "Paiement" pa JOIN "Prelevement" p ON p."paiementId" = pa.id
          WHERE p."runId" = ${runId} AND pa."recuNumero" IS NULL
          ORDER BY pa.id LIMIT ${PAR_LOT} FOR UPDATE OF pa SKIP LOCKED`;
        for (const { id } of paiements) await emettreRecu(tx, id, run.creeLe);
        if (paiements.length > 0) await reveillerCourriels(tx);
        return paiements.length;
      },
      { timeout: 60_000 },
    );
    emis += lot;
    if (lot < PAR_LOT) break;
  }
  return emis;
}
