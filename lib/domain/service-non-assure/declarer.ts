import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { cleDe, DUREE_MAX_JOURS, TOUCHEES, type Bilan, type Declaration } from "@/lib/domain/service-non-assure/motifs";
import { acteurAgent, franchir } from "@/lib/domain/reservation/franchir";
import { prevenirFamilles } from "@/lib/domain/service-non-assure/prevenir-familles";
import { dateDeJour, ecartJours } from "@/lib/temps/jours";
import { Prisma } from "@/lib/generated/prisma/client";

export async function declarerServiceNonAssure(declaration: Declaration): Promise<Bilan> {
  const { agentId, activiteId, lieuId, debut, fin, motif, now } = declaration;
  if (fin < debut) throw new AppError("dates", "La date de fin précède la date de début.", "fin");
  if (ecartJours(debut, fin) >= DUREE_MAX_JOURS)
    throw new AppError("dates", `Une déclaration couvre ${DUREE_MAX_JOURS} jours au plus.`, "fin");
  const cle = cleDe(declaration);
  try {
    const bilan = await db().$transaction(async (tx) => {
      await exigerAgentActif(tx, agentId);
      const lieu = await tx.lieu.findFirst({
        where: { id: lieuId, activiteId },
        select: { nom: true, activite: { select: { type: true } } },
      });
      if (!lieu) throw new AppError("lieu", "Ce lieu n'accueille pas cette activité.", "lieuId");
      const service = await tx.serviceNonAssure.create({
        data: { cle, activiteId, lieuId, debut: dateDeJour(debut), fin: dateDeJour(fin), motif, agentId, creeLe: now },
      });
      // every booking of those days, locked and changed in one statement (the gate), with the state it had
      const cibles = await tx.reservation.findMany({
        where: {
          jour: { lieuId },
          unite: { activiteId },
          date: { gte: dateDeJour(debut), lte: dateDeJour(fin) },
          statut: { in: [...TOUCHEES] },
        },
        select: { id: true },
      });
      const touchees = await franchir(tx, {
        ids: cibles.map((c) => c.id),
        transition: "declarerNonAssure",
        acteur: await acteurAgent(tx, agentId),
        motif: MOTIFS_NON_ASSURE[motif].libelle,
        now,
      });
      if (touchees.length > 0)
        await tx.serviceNonAssureReservation.createMany({
          data: touchees.map((t) => ({ serviceId: service.id, reservationId: t.id, statutAvant: t.de! })),
        });
      const familles = [...new Set(touchees.map((t) => t.familleId))];
      await prevenirFamilles(tx, { familles, debut, fin, motif, lieu: lieu.nom, type: lieu.activite.type });
      await journal(tx, {
        event: "service_non_assure.declare",
        actorKind: "AGENT",
        actorId: agentId,
        details: {
          id: service.id,
          activiteId,
          lieuId,
          debut,
          fin,
          motif,
          reservations: touchees.length,
          familles: familles.length,
        },
      });
      return { id: service.id, reservations: touchees.length, familles: familles.length, deja: false };
    });
    return bilan;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    // the same declaration is already in force (a double click, another agent at the same moment)
    const existante = await db().serviceNonAssure.findUnique({
      where: { cle },
      select: { id: true, reservations: { select: { reservation: { select: { familleId: true } } } } },
    });
    if (!existante) throw error;
    return {
      id: existante.id,
      reservations: existante.reservations.length,
      familles: new Set(existante.reservations.map((r) => r.reservation.familleId)).size,
      deja: true,
    };
  }
}
