import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { introuvable, TOUCHEES } from "@/lib/domain/service-non-assure/motifs";
import { acteurAgent, franchir } from "@/lib/domain/reservation/franchir";
import { RETABLIR } from "@/lib/domain/reservation/transitions";
import { prevenirFamilles } from "@/lib/domain/service-non-assure/prevenir-familles";
import { jourDeDate, jourParis } from "@/lib/temps/jours";

/** Undone by an agent the same day (Paris) it was declared: every booking gets its previous state back. */
export async function annulerServiceNonAssure({
  agentId,
  id,
  now,
}: {
  agentId: string;
  id: string;
  now: Date;
}): Promise<{ restaurees: number }> {
  const resultat = await db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    const service = await tx.serviceNonAssure.findUnique({
      where: { id },
      include: { lieu: { select: { nom: true } }, activite: { select: { type: true } }, reservations: true },
    });
    if (!service) throw introuvable();
    if (service.annuleLe) throw new AppError("annulee", "Cette déclaration est déjà annulée.");
    if (jourParis(service.creeLe) !== jourParis(now))
      throw new AppError("delai", "Une déclaration ne s'annule que le jour même où elle a été faite.");
    // conditional: of two undos at once, one restores and the other is told
    const { count } = await tx.serviceNonAssure.updateMany({
      where: { id, annuleLe: null },
      data: { annuleLe: now, cle: null },
    });
    if (count === 0) throw new AppError("annulee", "Cette déclaration est déjà annulée.");
    let restaurees = 0;
    const familles = new Set<string>();
    const acteur = await acteurAgent(tx, agentId);
    for (const statut of TOUCHEES) {
      // a booking still NON_ASSURE gets its state back; one another agent changed since keeps its own
      const rows = await franchir(tx, {
        ids: service.reservations.filter((r) => r.statutAvant === statut).map((r) => r.reservationId),
        transition: RETABLIR[statut],
        acteur,
        motif: MOTIFS_NON_ASSURE[service.motif].libelle,
        now,
      });
      restaurees += rows.length;
      for (const r of rows) familles.add(r.familleId);
    }
    await prevenirFamilles(tx, {
      familles: [...familles],
      debut: jourDeDate(service.debut),
      fin: jourDeDate(service.fin),
      motif: service.motif,
      lieu: service.lieu.nom,
      type: service.activite.type,
      retabli: true,
    });
    await journal(tx, {
      event: "service_non_assure.annule",
      actorKind: "AGENT",
      actorId: agentId,
      details: { id, restaurees },
    });
    return { restaurees };
  });
  return resultat;
}
