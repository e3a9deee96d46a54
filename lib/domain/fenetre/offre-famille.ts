// What accepting and declining a place offered share: the offer found among the caller's family's reservations
// only (another family's id is « introuvable », as a 404), and the locks taken in the order of every save (the
// child, then the day).
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { franchir } from "@/lib/domain/reservation/franchir";

export const offreIntrouvable = () => new AppError("introuvable", "Cette proposition de place est introuvable.");

export type OffreVerrouillee = { id: string; jourId: number; enfantId: string; offreExpireLe: Date | null };

export async function offreDeLaFamille(
  tx: Tx,
  { usagerId, reservationId, now }: { usagerId: string; reservationId: string; now: Date },
): Promise<OffreVerrouillee> {
  const offre = await tx.reservation.findFirst({
    where: { id: reservationId, famille: { representants: { some: { usagerId } } } },
    select: { id: true, jourId: true, enfantId: true },
  });
  if (!offre) throw offreIntrouvable();
  await tx.$queryRaw`SELECT id FROM "Enfant" WHERE id = ${offre.enfantId} FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM "JourOuverture" WHERE id = ${offre.jourId} FOR UPDATE`;
  const etat = await tx.reservation.findUniqueOrThrow({
    where: { id: offre.id },
    select: { statut: true, offreExpireLe: true },
  });
  if (etat.statut !== "PROPOSEE") throw new AppError("etat", "Cette place n'est plus proposée.");
  if (etat.offreExpireLe && etat.offreExpireLe <= now)
    throw new AppError(
      "etat",
      "Le délai pour répondre à cette proposition est dépassé : la place est passée à la famille suivante.",
    );
  return { ...offre, offreExpireLe: etat.offreExpireLe };
}

/** The answer to an offer, one of the family's: found, locked, checked within its delay, then moved. */
export async function repondreAOffre(
  tx: Tx,
  {
    usagerId,
    reservationId,
    transition,
    now,
  }: { usagerId: string; reservationId: string; transition: "accepterOffre" | "declinerOffre"; now: Date },
): Promise<OffreVerrouillee> {
  const offre = await offreDeLaFamille(tx, { usagerId, reservationId, now });
  await franchir(tx, {
    ids: [offre.id],
    transition,
    acteur: { kind: "USAGER", usagerId },
    complement: { offreExpireLe: null, rang: null },
    now,
  });
  return offre;
}
