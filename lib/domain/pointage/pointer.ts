// A tap on the day's list: the child is présent, absent, or présent sans réservation (enrolled in the
// activity, not booked that day). One row per child × unit × day. Today and the days back to the commune's
// correction window only, never a day to come (delai.ts). A tablet that lost the network sends its marks later,
// each with the instant it was tapped (`marqueLe`, never later than the server's clock): the row keeps the
// latest tap, whatever the order they arrive in, so a mark made offline at 12:05 and received at 12:40 does not
// undo one made at 12:20 on another tablet. Every mark received is journaled, `retenue` saying whether it is
// the one the row now holds.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { dateDeJour, jourParis, type Jour } from "@/lib/temps/jours";
import { instantRetenu, refusDuJour } from "@/lib/domain/pointage/delai";
import type { EtatPointage } from "@/lib/generated/prisma/enums";

export const pointageIntrouvable = () =>
  new AppError("introuvable", "Cet enfant n'est pas attendu dans ce lieu ce jour-là.");

/** Refuses a day to come or one past the commune's correction window (read in the command's transaction). */
export async function controlerJour(tx: Tx, date: Jour, now: Date): Promise<void> {
  const { delaiCorrectionPointageJours } = await tx.commune.findUniqueOrThrow({
    where: { id: 1 },
    select: { delaiCorrectionPointageJours: true },
  });
  const refus = refusDuJour(date, jourParis(now), delaiCorrectionPointageJours);
  if (refus) throw new AppError("jour", refus, "date");
}

export async function pointer({
  agentId,
  enfantId,
  uniteId,
  lieuId,
  date,
  etat,
  marqueLe,
  now,
}: {
  agentId: string;
  enfantId: string;
  uniteId: number;
  lieuId: number;
  date: Jour;
  etat: EtatPointage;
  /** when the agent tapped (sent by the tablet); the server's now when absent */
  marqueLe?: Date;
  now: Date;
}): Promise<{ retenue: boolean }> {
  const instant = instantRetenu(marqueLe, now);
  return db().$transaction(async (tx) => {
    await controlerJour(tx, date, now);
    const jour = await tx.jourOuverture.findUnique({
      where: { uniteId_lieuId_date: { uniteId, lieuId, date: dateDeJour(date) } },
      select: { id: true, lieu: { select: { activiteId: true } } },
    });
    if (!jour) throw pointageIntrouvable();
    const [reservation, existant] = await Promise.all([
      tx.reservation.findUnique({
        where: { enfantId_uniteId_date: { enfantId, uniteId, date: dateDeJour(date) } },
        select: { statut: true, jourId: true, inscription: { select: { familleId: true } } },
      }),
      tx.pointage.findUnique({
        where: { enfantId_uniteId_date: { enfantId, uniteId, date: dateDeJour(date) } },
        select: { lieuId: true, marqueLe: true },
      }),
    ]);
    const surLaListe = reservation?.jourId === jour.id;
    const reservee = surLaListe && reservation?.statut === "RESERVEE";
    let familleId = surLaListe ? reservation?.inscription.familleId : undefined;
    if (etat === "PRESENT_SANS_RESERVATION") {
      if (reservee) {
        throw new AppError("reservee", "Cet enfant est sur la liste : marquez-le présent.");
      }
      const inscrit = await tx.inscription.findFirst({
        where: { enfantId, activiteId: jour.lieu.activiteId, statut: "ACTIVE" },
        select: { familleId: true },
      });
      if (!inscrit) throw pointageIntrouvable();
      familleId = inscrit.familleId;
    } else if (!surLaListe && existant?.lieuId !== lieuId) {
      throw pointageIntrouvable();
    }
    // the latest tap wins (the later received on a tie): an older one arriving late is journaled, not kept
    const retenue = !existant || existant.marqueLe.getTime() <= instant.getTime();
    if (retenue) {
      await tx.pointage.upsert({
        where: { enfantId_uniteId_date: { enfantId, uniteId, date: dateDeJour(date) } },
        create: {
          enfantId,
          uniteId,
          lieuId,
          date: dateDeJour(date),
          etat,
          parAgentId: agentId,
          marqueLe: instant,
          recuLe: now,
        },
        update: { lieuId, etat, parAgentId: agentId, marqueLe: instant, recuLe: now },
      });
    }
    await journal(tx, {
      event: "pointage.marque",
      actorKind: "AGENT",
      actorId: agentId,
      details: {
        enfantId,
        ...(familleId ? { familleId } : {}),
        uniteId,
        lieuId,
        date,
        etat,
        marqueLe: instant.toISOString(),
        retenue,
      },
    });
    return { retenue };
  });
}
