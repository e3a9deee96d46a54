// A demande the agents asked to complete and the parent left unanswered is closed by the system after
// DELAI_SANS_REPONSE_JOURS, with a mail, so the agents' queue never fills with dead requests.
import { db } from "@/lib/db";
import { getCommune } from "@/lib/commune";
import { franchir } from "@/lib/domain/demande/transition";
import { queueDecisionMail } from "@/lib/domain/demande/mails";
import { intituleDemande, type Demarches } from "@/lib/domain/demande/demarche";
import { AppError } from "@/lib/errors";

export const DELAI_SANS_REPONSE_JOURS = 60;
const JOUR = 24 * 60 * 60 * 1000;

/** `demarches` is the registry (lib/domain/demarches.ts): the mail names each demande by its type. */
export async function classerDemandesSansReponse(demarches: Demarches, now = new Date()): Promise<number> {
  const commune = await getCommune();
  const motif = `Sans réponse à la demande de complément depuis ${DELAI_SANS_REPONSE_JOURS} jours.`;
  const echues = await db().demande.findMany({
    where: { statut: "A_COMPLETER", decideeAt: { lt: new Date(now.getTime() - DELAI_SANS_REPONSE_JOURS * JOUR) } },
    select: { id: true },
    take: 100,
  });
  let classees = 0;
  for (const { id } of echues) {
    try {
      await db().$transaction(async (tx) => {
        const { apres } = await franchir(tx, {
          demandeId: id,
          transition: "classer",
          acteur: { kind: "SYSTEME" },
          motif,
          now,
        });
        const usager = await tx.usager.findUniqueOrThrow({ where: { id: apres.usagerId } });
        await queueDecisionMail(tx, {
          demande: { ...apres, numero: apres.numero as number },
          usager,
          commune,
          decision: "ANNULEE",
          motif,
          typeLibelle: intituleDemande(demarches, apres),
        });
      });
      classees++;
    } catch (error) {
      // the parent answered meanwhile: their redeposit won, nothing to close
      if (!(error instanceof AppError)) throw error;
    }
  }
  return classees;
}
