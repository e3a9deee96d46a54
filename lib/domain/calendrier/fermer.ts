import { db } from "@/lib/db";
import { STATUTS_OCCUPANTS } from "@/lib/domain/calendrier/cible";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import type { TypeFermeture } from "@/lib/generated/prisma/enums";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

/** A closure of the commune (pont, grève, exceptionnel): its unbooked opening days go at once. */
export async function fermer({
  date,
  type,
  libelle,
  activiteId = null,
  agentId,
}: {
  date: Jour;
  type: TypeFermeture;
  libelle: string;
  activiteId?: number | null;
  agentId?: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.fermeture.create({ data: { date: dateDeJour(date), type, libelle, activiteId } });
    await tx.jourOuverture.deleteMany({
      where: {
        date: dateDeJour(date),
        ...(activiteId ? { unite: { activiteId } } : {}),
        reservations: { none: { statut: { in: [...STATUTS_OCCUPANTS] } } },
      },
    });
    await journaliser(tx, agentId, "reservations.fermeture", { date, type, activiteId });
  });
}
