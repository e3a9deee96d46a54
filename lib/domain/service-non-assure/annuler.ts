import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { introuvable, TOUCHEES } from "@/lib/domain/service-non-assure/motifs";
import { acteurAgent, franchir } from "@/lib/domain/reservation/franchir";
import { RETABLIR } from "@/lib/domain/reservation/transitions";
import { prevenirFamilles, type Touchee } from "@/lib/domain/service-non-assure/prevenir-familles";
import { jourDeDate, jourParis } from "@/lib/temps/jours";

const deja = () => new AppError("annulee", "Cette déclaration est déjà annulée.");

/**
 * Undone by an agent the same day (Paris) it was declared: the whole declaration (every activity and lieu it
 * covered, given any of its rows), every booking getting its previous state back, one mail per family.
 */
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
    const demande = await tx.serviceNonAssure.findUnique({ where: { id }, select: { declarationId: true } });
    if (!demande) throw introuvable();
    const services = await tx.serviceNonAssure.findMany({
      where: demande.declarationId ? { declarationId: demande.declarationId } : { id },
      orderBy: [{ activiteId: "asc" }, { lieuId: "asc" }],
      include: { lieu: { select: { nom: true } }, activite: { select: { type: true } }, reservations: true },
    });
    const premier = services[0]!;
    if (services.every((s) => s.annuleLe)) throw deja();
    if (jourParis(premier.creeLe) !== jourParis(now))
      throw new AppError("delai", "Une déclaration ne s'annule que le jour même où elle a été faite.");
    // conditional: of two undos at once, one restores and the other is told
    const { count } = await tx.serviceNonAssure.updateMany({
      where: { id: { in: services.map((s) => s.id) }, annuleLe: null },
      data: { annuleLe: now, cle: null },
    });
    if (count === 0) throw deja();
    const acteur = await acteurAgent(tx, agentId);
    const touchees: Touchee[] = [];
    for (const service of services.filter((s) => !s.annuleLe))
      for (const statut of TOUCHEES) {
        // a booking still NON_ASSURE gets its state back; one another agent changed since keeps its own
        const rows = await franchir(tx, {
          ids: service.reservations.filter((r) => r.statutAvant === statut).map((r) => r.reservationId),
          transition: RETABLIR[statut],
          acteur,
          motif: MOTIFS_NON_ASSURE[service.motif].libelle,
          now,
        });
        touchees.push(...rows.map((r) => ({ ...r, type: service.activite.type, lieu: service.lieu.nom })));
      }
    await prevenirFamilles(tx, {
      touchees,
      debut: jourDeDate(premier.debut),
      fin: jourDeDate(premier.fin),
      motif: premier.motif,
      retabli: true,
    });
    await journal(tx, {
      event: "service_non_assure.annule",
      actorKind: "AGENT",
      actorId: agentId,
      details: {
        id,
        ids: services.map((s) => s.id),
        declarationId: premier.declarationId,
        activiteIds: [...new Set(services.map((s) => s.activiteId))],
        lieuIds: [...new Set(services.map((s) => s.lieuId))],
        debut: jourDeDate(premier.debut),
        fin: jourDeDate(premier.fin),
        restaurees: touchees.length,
        familles: new Set(touchees.map((t) => t.familleId)).size,
      },
    });
    return { restaurees: touchees.length };
  });
  return resultat;
}
