// An absence whose justificatif did not come within the commune's delay is refused by the system: its days
// become ABSENCE_INJUSTIFIEE (billed as the commune's tariffs say) and the parent gets the decision's mail.
// Run hourly by the job queue (lib/jobs/taches.ts) with the clock as a parameter; each demande is its own
// transaction and a conditional transition, so two nodes running it at once refuse nothing twice.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { intituleDemande, type Demarches } from "@/lib/domain/demande/demarche";
import { queueDecisionMail } from "@/lib/domain/demande/mails";
import { EN_COURS } from "@/lib/domain/demande/queries";
import { franchir } from "@/lib/domain/demande/transition";

export async function expirerAbsencesSansJustificatif(demarches: Demarches, now: Date): Promise<number> {
  const echues = await db().absence.findMany({
    where: { justificatifRecuLe: null, justificatifAvant: { lt: now }, demande: { statut: { in: EN_COURS } } },
    select: { demandeId: true },
    take: 200,
  });
  let refusees = 0;
  for (const { demandeId } of echues) {
    try {
      await db().$transaction(async (tx) => {
        const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
        const motif = `Aucun justificatif reçu dans le délai de ${commune.delaiJustificatifHeures} heures : l'absence est injustifiée.`;
        const { apres } = await franchir(tx, {
          demandeId,
          transition: "expirer",
          acteur: { kind: "SYSTEME" },
          motif,
          now,
        });
        await demarches[apres.type].refuser?.(tx, apres, motif);
        const usager = await tx.usager.findUniqueOrThrow({ where: { id: apres.usagerId } });
        await queueDecisionMail(tx, {
          demande: { ...apres, numero: apres.numero as number },
          usager,
          commune,
          decision: "REFUSEE",
          motif,
          typeLibelle: intituleDemande(demarches, apres),
        });
        await journal(tx, { event: "absence.expiree", actorKind: "SYSTEME", details: { numero: apres.numero } });
      });
      refusees++;
    } catch (error) {
      // an agent decided meanwhile: their decision stands
      if (!(error instanceof AppError)) throw error;
    }
  }
  return refusees;
}
