// Reads of the absences pages, always through the caller's household: the child, the commune's rules as the
// parent reads them, whether "Malade ce matin" is still open at `now`, and the child's absences with what may
// still be done (send the justificatif).
import { db } from "@/lib/db";
import { EN_COURS } from "@/lib/domain/demande/queries";
import { LIBELLES_STATUT } from "@/lib/domain/demande/transitions";
import { enfantDuUsager, messageTropTard } from "@/lib/domain/absence/declarer";
import { MOTIFS_ABSENCE, periodeEnClair } from "@/lib/domain/absence/demarche";
import { instantParis, jourDeDate, jourParis } from "@/lib/temps/jours";
import { joursEnClair } from "@/lib/domain/absence/jours-en-clair";

export async function pageAbsences({ usagerId, enfantId, now }: { usagerId: string; enfantId: string; now: Date }) {
  const enfant = await enfantDuUsager(db(), usagerId, enfantId);
  if (!enfant) return null;
  const commune = await db().commune.findUniqueOrThrow({ where: { id: 1 } });
  const aujourdhui = jourParis(now);
  const ouvert = now.getTime() < instantParis(aujourdhui, commune.heureLimiteMaladie).getTime();
  const absences = await db().absence.findMany({
    where: { enfantId, familleId: enfant.familleId, demande: { usagerId } },
    orderBy: { debut: "desc" },
    take: 20,
    select: {
      debut: true,
      fin: true,
      motif: true,
      justificatifAvant: true,
      justificatifRecuLe: true,
      demande: { select: { numero: true, statut: true } },
      reservations: { select: { date: true, unite: { select: { activite: { select: { type: true } } } } } },
    },
  });
  return {
    enfant,
    aujourdhui,
    malade: {
      ouvert,
      heure: commune.heureLimiteMaladie,
      message: ouvert ? null : messageTropTard(commune),
    },
    delaiHeures: commune.delaiJustificatifHeures,
    absences: absences.map((a) => ({
      numero: a.demande.numero!,
      periode: periodeEnClair(jourDeDate(a.debut), jourDeDate(a.fin)),
      motif: MOTIFS_ABSENCE[a.motif],
      statut: LIBELLES_STATUT[a.demande.statut],
      /** « 1 jour (repas et garderie) »: calendar days, not reservations */
      jours: joursEnClair(a.reservations.map((r) => ({ date: jourDeDate(r.date), type: r.unite.activite.type }))),
      justificatifRecuLe: a.justificatifRecuLe,
      justificatifAvant: a.justificatifAvant,
      /** the justificatif may still be sent */
      aJustifier:
        a.justificatifRecuLe === null &&
        EN_COURS.includes(a.demande.statut) &&
        now.getTime() <= a.justificatifAvant.getTime(),
    })),
  };
}

/** The absence of this parent with that number, or null (anyone else's is "not found"). */
export function absenceDuUsager(usagerId: string, numero: number) {
  return db().absence.findFirst({
    where: { demande: { numero, usagerId, type: "ABSENCE" } },
    select: { demandeId: true, enfantId: true, justificatifAvant: true, justificatifRecuLe: true },
  });
}
