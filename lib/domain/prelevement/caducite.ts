// A SEPA mandate lapses after 36 months without a debit presented (the SEPA Core rulebook): the daily job moves
// every ACTIF mandate whose last debit (or, never debited, its signature) is older than that to CADUC, through
// the gate, so each gets its history row. `now` is the job tick's instant.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changerStatutMandat } from "@/lib/domain/prelevement/mandat";

export const MOIS_CADUCITE = 36;

/** The instant 36 months before `now` (same day of the month, in UTC). */
export function limiteCaducite(now: Date): Date {
  const limite = new Date(now);
  limite.setUTCMonth(limite.getUTCMonth() - MOIS_CADUCITE);
  return limite;
}

export async function rendreCaducs(now: Date): Promise<number> {
  const limite = limiteCaducite(now);
  const echus = await db().mandatSepa.findMany({
    where: {
      statut: "ACTIF",
      OR: [{ dernierPrelevement: { lt: limite } }, { dernierPrelevement: null, signeLe: { lt: limite } }],
    },
    select: { id: true },
  });
  let caducs = 0;
  for (const { id } of echus) {
    try {
      await db().$transaction((tx) =>
        changerStatutMandat(tx, {
          mandatId: id,
          vers: "CADUC",
          motif: `Aucun prélèvement depuis ${MOIS_CADUCITE} mois.`,
          acteur: "SYSTEME",
          now,
        }),
      );
      caducs++;
    } catch (error) {
      // revoked or suspended meanwhile: the gate refused, nothing to lapse
      if (!(error instanceof AppError)) throw error;
    }
  }
  return caducs;
}
