// The job « offres.expirer »: every place offered whose delay is over passes on (laisserPasserOffre) and is offered
// to the next child of its day's waiting list. One transaction per day, locks as every save (the children, then
// the day); the offer is checked again under them, so one accepted meanwhile stays accepted.
import { db } from "@/lib/db";
import { franchir } from "@/lib/domain/reservation/franchir";
import { donnerLesPlacesLibres } from "@/lib/domain/fenetre/offres";

/** Returns how many offers passed on. */
export async function expirerOffres(now: Date): Promise<number> {
  const echues = await db().reservation.findMany({
    where: { statut: "PROPOSEE", offreExpireLe: { lte: now } },
    select: { jourId: true, enfantId: true },
  });
  const parJour = new Map<number, Set<string>>();
  for (const e of echues) parJour.set(e.jourId, (parJour.get(e.jourId) ?? new Set()).add(e.enfantId));
  let passees = 0;
  for (const [jourId, enfants] of [...parJour].sort(([a], [b]) => a - b)) {
    passees += await db().$transaction(async (tx) => {
      const ids = [...enfants].sort();
      await tx.$queryRaw`SELECT id FROM "Enfant" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
      await tx.$queryRaw`SELECT id FROM "JourOuverture" WHERE id = ${jourId} FOR UPDATE`;
      const encore = await tx.reservation.findMany({
        where: { jourId, statut: "PROPOSEE", offreExpireLe: { lte: now } },
        select: { id: true },
      });
      const deplaces = await franchir(tx, {
        ids: encore.map((r) => r.id),
        transition: "laisserPasserOffre",
        acteur: { kind: "SYSTEME" },
        motif: "délai de réponse dépassé",
        complement: { offreExpireLe: null, rang: null },
        now,
      });
      await donnerLesPlacesLibres(tx, { jourIds: [jourId], motif: "délai de réponse dépassé", now });
      return deplaces.length;
    });
  }
  return passees;
}
