// At the decision on a démarche about a family, the space that asked must still be one of its representants: a
// co-représentant removed since (« Retirer un co-représentant ») asks nothing more for the family, and an agent who
// accepts their demande still open is told so instead of changing a family that is no longer theirs.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Demande } from "@/lib/generated/prisma/client";

export const MESSAGE_DEMANDEUR_DETACHE =
  "L'espace du demandeur n'est plus rattaché à cette famille : refusez cette demande avec ce motif.";

/** The family the demande is about, once its author is checked to be one of its representants still. */
export async function familleDuDemandeur(tx: Tx, demande: Pick<Demande, "usagerId" | "familleId">): Promise<string> {
  const representant = demande.familleId
    ? await tx.representant.findFirst({
        where: { usagerId: demande.usagerId, familleId: demande.familleId },
        select: { familleId: true },
      })
    : null;
  if (!representant) throw new AppError("detache", MESSAGE_DEMANDEUR_DETACHE);
  return representant.familleId;
}
