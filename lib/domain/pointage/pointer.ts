// A tap on the day's list: the child is présent, absent, or présent sans réservation (enrolled in the
// activity, not booked that day). One row per child × unit × day, updated by a correction (who, when), so two
// taps in a row, or two agents at once, leave one state: the last.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dateDeJour, type Jour } from "@/lib/temps/jours";
import type { EtatPointage } from "@/lib/generated/prisma/enums";

export const pointageIntrouvable = () =>
  new AppError("introuvable", "Cet enfant n'est pas attendu dans ce lieu ce jour-là.");

export async function pointer({
  agentId,
  enfantId,
  uniteId,
  lieuId,
  date,
  etat,
  now,
}: {
  agentId: string;
  enfantId: string;
  uniteId: number;
  lieuId: number;
  date: Jour;
  etat: EtatPointage;
  now: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const jour = await tx.jourOuverture.findUnique({
      where: { uniteId_lieuId_date: { uniteId, lieuId, date: dateDeJour(date) } },
      select: { id: true, lieu: { select: { activiteId: true } } },
    });
    if (!jour) throw pointageIntrouvable();
    const [reservation, existant] = await Promise.all([
      tx.reservation.findUnique({
        where: { enfantId_uniteId_date: { enfantId, uniteId, date: dateDeJour(date) } },
        select: { statut: true, jourId: true },
      }),
      tx.pointage.findUnique({
        where: { enfantId_uniteId_date: { enfantId, uniteId, date: dateDeJour(date) } },
        select: { lieuId: true },
      }),
    ]);
    const surLaListe = reservation?.jourId === jour.id;
    const reservee = surLaListe && reservation?.statut === "RESERVEE";
    if (etat === "PRESENT_SANS_RESERVATION") {
      if (reservee) {
        throw new AppError("reservee", "Cet enfant est sur la liste : marquez-le présent.");
      }
      const inscrit = await tx.inscription.findFirst({
        where: { enfantId, activiteId: jour.lieu.activiteId, statut: "ACTIVE" },
        select: { id: true },
      });
      if (!inscrit) throw pointageIntrouvable();
    } else if (!surLaListe && existant?.lieuId !== lieuId) {
      throw pointageIntrouvable();
    }
    await tx.pointage.upsert({
      where: { enfantId_uniteId_date: { enfantId, uniteId, date: dateDeJour(date) } },
      create: { enfantId, uniteId, lieuId, date: dateDeJour(date), etat, parAgentId: agentId, marqueLe: now },
      update: { lieuId, etat, parAgentId: agentId, marqueLe: now },
    });
  });
}
