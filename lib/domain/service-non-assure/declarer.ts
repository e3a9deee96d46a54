// Declares a service non assuré over one or several activities and lieux at once: ONE transaction writing one
// ServiceNonAssure row per (activité, lieu), all sharing a declarationId, moving every booking of those days
// (the rules of cibles.ts, the preview's) to NON_ASSURE, and queueing ONE mail per family for the whole
// declaration. The same declaration already in force (a double click, two agents at once) answers with it.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import { MOTIFS_NON_ASSURE } from "@/lib/domain/calendrier/motifs-non-assure";
import { cleDe, servicesDe, type Bilan, type Declaration } from "@/lib/domain/service-non-assure/motifs";
import { lieuxVises, reservationsVisees, verifierPeriode } from "@/lib/domain/service-non-assure/cibles";
import { acteurAgent, franchir } from "@/lib/domain/reservation/franchir";
import { prevenirFamilles, type Touchee } from "@/lib/domain/service-non-assure/prevenir-familles";
import { dateDeJour } from "@/lib/temps/jours";
import { Prisma } from "@/lib/generated/prisma/client";

export async function declarerServiceNonAssure(declaration: Declaration): Promise<Bilan> {
  const { agentId, debut, fin, motif, now } = declaration;
  const services = servicesDe(declaration);
  verifierPeriode(services, debut, fin);
  const cles = services.map((s) => cleDe({ ...s, debut, fin }));
  const declarationId = randomUUID();
  try {
    const bilan = await db().$transaction(async (tx) => {
      await exigerAgentActif(tx, agentId);
      const lieux = await lieuxVises(tx, services);
      const acteur = await acteurAgent(tx, agentId);
      const ids: string[] = [];
      const touchees: Touchee[] = [];
      for (const [i, s] of lieux.entries()) {
        const service = await tx.serviceNonAssure.create({
          data: {
            cle: cles[i],
            activiteId: s.activiteId,
            lieuId: s.lieuId,
            debut: dateDeJour(debut),
            fin: dateDeJour(fin),
            motif,
            agentId,
            creeLe: now,
            declarationId,
          },
        });
        ids.push(service.id);
        // every booking of those days, locked and changed in one statement (the gate), with the state it had
        const cibles = await tx.reservation.findMany({
          where: reservationsVisees(s, debut, fin),
          select: { id: true },
        });
        const deplaces = await franchir(tx, {
          ids: cibles.map((c) => c.id),
          transition: "declarerNonAssure",
          acteur,
          motif: MOTIFS_NON_ASSURE[motif].libelle,
          now,
        });
        if (deplaces.length > 0)
          await tx.serviceNonAssureReservation.createMany({
            data: deplaces.map((t) => ({ serviceId: service.id, reservationId: t.id, statutAvant: t.de! })),
          });
        touchees.push(...deplaces.map((t) => ({ ...t, type: s.type, lieu: s.lieu })));
      }
      const familles = new Set(touchees.map((t) => t.familleId)).size;
      await prevenirFamilles(tx, { touchees, debut, fin, motif });
      await journal(tx, {
        event: "service_non_assure.declare",
        actorKind: "AGENT",
        actorId: agentId,
        details: {
          id: ids[0],
          ids,
          declarationId,
          activiteIds: [...new Set(services.map((s) => s.activiteId))],
          lieuIds: [...new Set(services.map((s) => s.lieuId))],
          // the first service, as the entries written before multi-service declarations name it
          activiteId: services[0]!.activiteId,
          lieuId: services[0]!.lieuId,
          debut,
          fin,
          motif,
          reservations: touchees.length,
          familles,
        },
      });
      return { id: ids[0]!, declarationId, reservations: touchees.length, familles, deja: false };
    });
    return bilan;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return dejaDeclaree(cles, error);
  }
}

/** The same declaration is already in force: its result, and no mail of its own; part of it: refused. */
async function dejaDeclaree(cles: string[], error: unknown): Promise<Bilan> {
  const existantes = await db().serviceNonAssure.findMany({
    where: { cle: { in: cles } },
    orderBy: { creeLe: "asc" },
    select: {
      id: true,
      cle: true,
      declarationId: true,
      reservations: { select: { reservation: { select: { familleId: true } } } },
    },
  });
  if (existantes.length === 0) throw error;
  const declarations = new Set(existantes.map((e) => e.declarationId ?? e.id));
  if (existantes.length !== cles.length || declarations.size !== 1)
    throw new AppError(
      "deja",
      "Une partie de ces services non assurés est déjà déclarée pour ces dates : annulez cette déclaration ou retirez ces activités et lieux.",
      "services",
    );
  const premiere = existantes.find((e) => e.cle === cles[0]) ?? existantes[0]!;
  const reservations = existantes.flatMap((e) => e.reservations);
  return {
    id: premiere.id,
    declarationId: [...declarations][0]!,
    reservations: reservations.length,
    familles: new Set(reservations.map((r) => r.reservation.familleId)).size,
    deja: true,
  };
}
