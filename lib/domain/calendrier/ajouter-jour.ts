import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cibles, type UnJour } from "@/lib/domain/calendrier/cible";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { dateDeJour } from "@/lib/temps/jours";

/** One more opening day (a Wednesday of outing, a day the generation left out): every unit and lieu, or one. */
export async function ajouterJour({ agentId, ...cible }: UnJour): Promise<{ ajoutes: number }> {
  return db().$transaction(async (tx) => {
    const { lieux, unites } = await cibles(tx, cible);
    const fermeture = await tx.fermeture.findFirst({
      where: { date: dateDeJour(cible.date), OR: [{ activiteId: null }, { activiteId: cible.activiteId }] },
    });
    if (fermeture) {
      throw new AppError(
        "ferme",
        `Ce jour est une fermeture de la commune (${fermeture.libelle}) : il ne peut pas être ouvert.`,
        "jour",
      );
    }
    const { count: ajoutes } = await tx.jourOuverture.createMany({
      data: lieux.flatMap((lieu) =>
        unites.map((unite) => ({
          lieuId: lieu.id,
          uniteId: unite.id,
          date: dateDeJour(cible.date),
          capacite: unite.capacite,
        })),
      ),
      skipDuplicates: true,
    });
    await journaliser(tx, agentId, "reservations.jour_ajoute", { ...cible, ajoutes });
    return { ajoutes };
  });
}
