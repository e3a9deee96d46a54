// The job « fenetres.attribuer »: every window still collecting whose close is past is allocated, each in its own
// transaction (attribuer.ts). A window allocated meanwhile (an agent's click, another tick) is refused by the
// window's gate and skipped: a window is never allocated twice.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { attribuerFenetre } from "@/lib/domain/fenetre/attribuer";

/** Returns the ids of the windows this run allocated. */
export async function attribuerFenetresCloses(now: Date): Promise<number[]> {
  const closes = await db().fenetreReservation.findMany({
    where: { statut: "COLLECTE", fermeture: { lte: now } },
    orderBy: { fermeture: "asc" },
    select: { id: true },
  });
  const faites: number[] = [];
  for (const { id } of closes) {
    try {
      await attribuerFenetre({ fenetreId: id, acteur: { kind: "SYSTEME" }, now });
      faites.push(id);
    } catch (e) {
      if (!(e instanceof AppError && e.code === "etat")) throw e;
    }
  }
  return faites;
}
