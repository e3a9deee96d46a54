import { db } from "@/lib/db";
import { preparer, STATUTS_OCCUPANTS, type Cible } from "@/lib/domain/calendrier/cible";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { dateDeJour } from "@/lib/temps/jours";

/** Saves the generation (for the whole activity, its weekdays become the activity's). */
export async function enregistrerJours({
  agentId,
  ...cible
}: Cible & { agentId?: string }): Promise<{ ajoutes: number; retires: number }> {
  return db().$transaction(async (tx) => {
    const p = await preparer(tx, cible);
    const { count: ajoutes } = await tx.jourOuverture.createMany({
      data: p.aCreer.map((c) => ({
        lieuId: c.lieuId,
        uniteId: c.uniteId,
        date: dateDeJour(c.date),
        capacite: c.capacite,
      })),
      skipDuplicates: true,
    });
    const { count: retires } = await tx.jourOuverture.deleteMany({
      where: {
        id: { in: p.aRetirer.filter((e) => e.reservees === 0).map((e) => e.id) },
        reservations: { none: { statut: { in: [...STATUTS_OCCUPANTS] } } },
      },
    });
    if (!cible.uniteId && !cible.lieuId && cible.joursSemaine) {
      await tx.activite.update({ where: { id: cible.activiteId }, data: { joursSemaine: p.joursSemaine } });
    }
    await journaliser(tx, agentId, "reservations.jours_generes", {
      ...cible,
      joursSemaine: p.joursSemaine,
      ajoutes,
      retires,
    });
    return { ajoutes, retires };
  });
}
