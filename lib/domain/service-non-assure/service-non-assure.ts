// "Service non assuré": a strike, an outing or a closure cancels an activity's service at a lieu for a day or
// a range. Every booking of those days becomes NON_ASSURE (not billed), its previous state kept so the
// declaration can be undone the same day; every family concerned gets one mail through the outbox; the parents'
// month view shows the day closed. Two agents declaring the same at once make one declaration: the key
// `ServiceNonAssure.cle` is unique while it is in force, so the second transaction fails on it and is answered
// with the first one's result (and no mail of its own).
import { createElement } from "react";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { enqueueMail, kickOutbox } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { exigerAgentActif } from "@/lib/domain/portail/agent-actif";
import { dateDeJour, ecartJours, jourDeDate, jourEnClair, jourParis, type Jour } from "@/lib/temps/jours";
import ServiceNonAssure, { serviceNonAssureSubject } from "@/emails/ServiceNonAssure";
import { Prisma, type MotifNonAssure, type StatutReservation } from "@/lib/generated/prisma/client";

export const MOTIFS_NON_ASSURE: Record<MotifNonAssure, { libelle: string; raison: string }> = {
  GREVE: { libelle: "Grève", raison: "en raison d'une grève" },
  SORTIE: { libelle: "Sortie", raison: "en raison d'une sortie" },
  FERMETURE: { libelle: "Fermeture", raison: "en raison d'une fermeture exceptionnelle" },
};

/** The states a "service non assuré" takes a booking from (a cancelled day has nothing to cancel). */
const TOUCHEES: StatutReservation[] = [
  "RESERVEE",
  "ATTENTE",
  "ABSENCE_SIGNALEE",
  "ABSENCE_JUSTIFIEE",
  "ABSENCE_INJUSTIFIEE",
];
export const DUREE_MAX_JOURS = 31;

const introuvable = () => new AppError("introuvable", "Cette déclaration de service non assuré est introuvable.");

export type Declaration = {
  agentId: string;
  activiteId: number;
  lieuId: number;
  debut: Jour;
  fin: Jour;
  motif: MotifNonAssure;
  now: Date;
};

export type Bilan = { id: string; reservations: number; familles: number; deja: boolean };

const cleDe = (d: Pick<Declaration, "activiteId" | "lieuId" | "debut" | "fin">) =>
  `${d.activiteId}:${d.lieuId}:${d.debut}:${d.fin}`;

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
      // every booking of those days, locked and changed in one statement, with the state it had
      const touchees = await tx.$queryRaw<{ id: string; statutAvant: StatutReservation; familleId: string }[]>`
        WITH cibles AS (
          SELECT r.id, r.statut FROM "Reservation" r
          JOIN "JourOuverture" j ON j.id = r."jourId"
          JOIN "Unite" u ON u.id = r."uniteId"
          WHERE j."lieuId" = ${lieuId} AND u."activiteId" = ${activiteId}
            AND r.date BETWEEN ${dateDeJour(debut)}::date AND ${dateDeJour(fin)}::date
            AND r.statut::text IN (${Prisma.join(TOUCHEES)})
          FOR UPDATE OF r
        )
        UPDATE "Reservation" r SET statut = 'NON_ASSURE', "modifieeLe" = now()
        FROM cibles WHERE r.id = cibles.id
        RETURNING r.id, cibles.statut::text AS "statutAvant", r."familleId"`;
      if (touchees.length > 0)
        await tx.serviceNonAssureReservation.createMany({
          data: touchees.map((t) => ({ serviceId: service.id, reservationId: t.id, statutAvant: t.statutAvant })),
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
    kickOutbox();
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
    for (const statut of TOUCHEES) {
      const ids = service.reservations.filter((r) => r.statutAvant === statut).map((r) => r.reservationId);
      if (ids.length === 0) continue;
      const rows = await tx.reservation.findMany({
        where: { id: { in: ids }, statut: "NON_ASSURE" },
        select: { id: true, familleId: true },
      });
      const { count: n } = await tx.reservation.updateMany({
        where: { id: { in: rows.map((r) => r.id) }, statut: "NON_ASSURE" },
        data: { statut },
      });
      restaurees += n;
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
  kickOutbox();
  return resultat;
}

/** One mail per family, to every representant with a space (one message, several recipients). */
async function prevenirFamilles(
  tx: Tx,
  {
    familles,
    debut,
    fin,
    motif,
    lieu,
    type,
    retabli = false,
  }: {
    familles: string[];
    debut: Jour;
    fin: Jour;
    motif: MotifNonAssure;
    lieu: string;
    type: "RESTAURATION" | "GARDERIE";
    retabli?: boolean;
  },
) {
  if (familles.length === 0) return;
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
  const props = {
    commune: commune.nom,
    service: type === "RESTAURATION" ? "de restauration" : "de garderie",
    periode: debut === fin ? `du ${jourEnClair(debut)}` : `du ${jourEnClair(debut)} au ${jourEnClair(fin)}`,
    lieu,
    raison: MOTIFS_NON_ASSURE[motif].raison,
    retabli,
    serviceNom: commune.serviceNom,
    lien: `${config.appUrl}/mon-espace`,
  };
  const mail = await renderMail("", serviceNonAssureSubject(props), createElement(ServiceNonAssure, props));
  const representants = await tx.representant.findMany({
    where: { familleId: { in: familles }, usager: { isNot: null } },
    orderBy: { id: "asc" },
    select: { familleId: true, usager: { select: { courriel: true } } },
  });
  const parFamille = new Map<string, string[]>();
  for (const r of representants)
    if (r.usager) parFamille.set(r.familleId, [...(parFamille.get(r.familleId) ?? []), r.usager.courriel]);
  for (const courriels of parFamille.values()) await enqueueMail(tx, { ...mail, to: courriels.join(", ") });
}

/** The declarations of the console's page, newest first, with what each touched. */
export async function servicesNonAssures({ now }: { now: Date }) {
  const liste = await db().serviceNonAssure.findMany({
    orderBy: { creeLe: "desc" },
    take: 50,
    include: {
      lieu: { select: { nom: true } },
      activite: { select: { libelle: true } },
      agent: { select: { prenom: true, nom: true } },
      _count: { select: { reservations: true } },
    },
  });
  const aujourdhui = jourParis(now);
  return liste.map((s) => ({
    id: s.id,
    activite: s.activite.libelle,
    lieu: s.lieu.nom,
    debut: jourDeDate(s.debut),
    fin: jourDeDate(s.fin),
    motif: MOTIFS_NON_ASSURE[s.motif].libelle,
    agent: s.agent ? `${s.agent.prenom} ${s.agent.nom}` : null,
    creeLe: s.creeLe,
    annuleLe: s.annuleLe,
    reservations: s._count.reservations,
    annulable: !s.annuleLe && jourParis(s.creeLe) === aujourdhui,
  }));
}

/** The activities and their lieux, for the console's form. */
export function activitesEtLieux() {
  return db().activite.findMany({
    orderBy: { ordre: "asc" },
    select: { id: true, libelle: true, lieux: { orderBy: { ordre: "asc" }, select: { id: true, nom: true } } },
  });
}
