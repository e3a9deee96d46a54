// « Me prévenir par courriel la veille d'une clôture… »: the space's opt-in for the cutoff reminder (rappel.ts).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";

export async function modifierRappelCloture({ usagerId, actif }: { usagerId: string; actif: boolean }) {
  await db().$transaction(async (tx) => {
    await tx.usager.update({ where: { id: usagerId }, data: { rappelCloture: actif } });
    await journal(tx, { event: "usager.rappel_cloture", actorKind: "USAGER", actorId: usagerId, details: { actif } });
  });
}
