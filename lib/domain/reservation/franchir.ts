// The one gate of Reservation.statut (transitions.ts is its table). A move of any number of days is ONE
// conditional UPDATE … WHERE id IN (…) AND statut IN (from) RETURNING, then ONE multi-row INSERT of their
// history, inside the caller's transaction: a parent's save of a whole year (~92 days × units) costs two
// statements, not two per day. A day no longer in a starting state (changed meanwhile by someone else) is left
// as it now is and is not returned; the caller compares counts when that matters. The UPDATE locks its rows,
// so two moves of the same day run one after the other and the second sees the first's result.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { NOUVELLE, refusTransition, TRANSITIONS, type Transition } from "@/lib/domain/reservation/transitions";
import { Prisma, type StatutReservation } from "@/lib/generated/prisma/client";

/** Who moves the days: the parent (their name is looked up when not given), an agent, or the system. */
export type ActeurReservation =
  | { kind: "USAGER"; usagerId: string; nom?: string }
  | { kind: "AGENT"; agentId: string; nom: string }
  | { kind: "SYSTEME" };

/** A day moved: its state before, and its keys for the history. */
export type JourDeplace = {
  id: string;
  de: StatutReservation | null;
  enfantId: string;
  uniteId: number;
  date: Date;
  familleId: string;
};

/** Columns a move sets with the state (booked again under an inscription, by an agent, for an absence). */
export type Complement = {
  parAgentId?: string | null;
  absenceId?: string | null;
  inscriptionId?: string;
  familleId?: string;
  creeeLe?: Date;
  /** a booking window's waiting-list order (null: first come) */
  rang?: number | null;
  /** a place offered (PROPOSEE): the family's until then; null once it is answered or passed on */
  offreExpireLe?: Date | null;
};

function exigerActeur(transition: Transition, acteur: ActeurReservation) {
  const refus = refusTransition(TRANSITIONS[transition].de[0]!, transition, acteur.kind);
  if (refus) throw new AppError(refus.code, refus.message);
}

export async function franchir(
  tx: Tx,
  {
    ids,
    transition,
    acteur,
    motif = null,
    complement = {},
    now,
  }: {
    ids: readonly string[];
    transition: Transition;
    acteur: ActeurReservation;
    motif?: string | null;
    complement?: Complement;
    now: Date;
  },
): Promise<JourDeplace[]> {
  exigerActeur(transition, acteur);
  if (ids.length === 0) return [];
  const def = TRANSITIONS[transition];
  const de = def.de.filter((e) => e !== NOUVELLE);
  const colonnes = [
    Prisma.sql`statut = ${def.vers}::"StatutReservation"`,
    Prisma.sql`"modifieeLe" = ${now}`,
    ...("parAgentId" in complement ? [Prisma.sql`"parAgentId" = ${complement.parAgentId}`] : []),
    ...("absenceId" in complement ? [Prisma.sql`"absenceId" = ${complement.absenceId}`] : []),
    ...(complement.inscriptionId ? [Prisma.sql`"inscriptionId" = ${complement.inscriptionId}`] : []),
    ...(complement.familleId ? [Prisma.sql`"familleId" = ${complement.familleId}`] : []),
    ...(complement.creeeLe ? [Prisma.sql`"creeeLe" = ${complement.creeeLe}`] : []),
    ...("rang" in complement ? [Prisma.sql`rang = ${complement.rang}`] : []),
    ...("offreExpireLe" in complement ? [Prisma.sql`"offreExpireLe" = ${complement.offreExpireLe}`] : []),
  ];
  // locked in id order, as every writer of these rows locks them, so two moves never deadlock
  const deplaces = await tx.$queryRaw<JourDeplace[]>`
    WITH avant AS (
      SELECT id, statut FROM "Reservation"
      WHERE id = ANY(${[...ids]}::text[]) AND statut::text = ANY(${de}::text[])
      ORDER BY id
      FOR UPDATE
    )
    UPDATE "Reservation" r SET ${Prisma.join(colonnes, ", ")}
    FROM avant WHERE r.id = avant.id
    RETURNING r.id, avant.statut::text AS de, r."enfantId", r."uniteId", r.date, r."familleId"`;
  await ecrireHistorique(tx, { deplaces, transition, acteur, motif, now });
  return deplaces;
}

/** A new day (child × unit × date), as the creation writes it. */
export type NouveauJour = {
  enfantId: string;
  uniteId: number;
  date: Date;
  jourId: number;
  inscriptionId: string;
  familleId: string;
  parAgentId?: string | null;
};

/** Creates days (a transition from NOUVELLE) and their first history rows: two statements for any number. */
export async function creer(
  tx: Tx,
  {
    jours,
    transition,
    acteur,
    now,
  }: { jours: readonly NouveauJour[]; transition: Transition; acteur: ActeurReservation; now: Date },
): Promise<JourDeplace[]> {
  exigerActeur(transition, acteur);
  const def = TRANSITIONS[transition];
  if (!(def.de as readonly string[]).includes(NOUVELLE))
    throw new AppError("etat", `La transition ${transition} ne crée pas de réservation.`);
  if (jours.length === 0) return [];
  const lignes = jours.map((j) => ({ ...j, id: randomUUID(), statut: def.vers, creeeLe: now, modifieeLe: now }));
  await tx.reservation.createMany({ data: lignes });
  const deplaces = lignes.map((l) => ({
    id: l.id,
    de: null,
    enfantId: l.enfantId,
    uniteId: l.uniteId,
    date: l.date,
    familleId: l.familleId,
  }));
  await ecrireHistorique(tx, { deplaces, transition, acteur, motif: null, now });
  return deplaces;
}

async function ecrireHistorique(
  tx: Tx,
  {
    deplaces,
    transition,
    acteur,
    motif,
    now,
  }: {
    deplaces: JourDeplace[];
    transition: Transition;
    acteur: ActeurReservation;
    motif: string | null;
    now: Date;
  },
) {
  if (deplaces.length === 0) return;
  const def = TRANSITIONS[transition];
  const acteurId = acteur.kind === "USAGER" ? acteur.usagerId : acteur.kind === "AGENT" ? acteur.agentId : null;
  const acteurNom = acteur.kind === "SYSTEME" ? null : (acteur.nom ?? (await nomDuParent(tx, acteurId!)));
  // one INSERT … SELECT FROM unnest(…) whatever the number of days: Prisma's createMany sends a row's worth of
  // parameters per day (a window's allocation of 2,500 families × 92 days spent 13 s of its 14 there)
  await tx.$executeRaw`
    INSERT INTO "ReservationEvenement" ("reservationId", "enfantId", "uniteId", date, "familleId", de, vers, acteur,
      "acteurId", "acteurNom", raison, transition, motif, "createdAt")
    SELECT v."reservationId", v."enfantId", v."uniteId", v.date, v."familleId", v.de::"StatutReservation",
      ${def.vers}::"StatutReservation", ${acteur.kind}::"Acteur", ${acteurId}, ${acteurNom},
      ${def.raison}::"RaisonReservation", ${transition}, ${motif}, ${now}
    FROM unnest(
      ${deplaces.map((d) => d.id)}::text[],
      ${deplaces.map((d) => d.enfantId)}::text[],
      ${deplaces.map((d) => d.uniteId)}::int[],
      ${deplaces.map((d) => d.date.toISOString().slice(0, 10))}::date[],
      ${deplaces.map((d) => d.familleId)}::text[],
      ${deplaces.map((d) => d.de)}::text[]
    ) AS v("reservationId", "enfantId", "uniteId", date, "familleId", de)`;
}

/** « Marie DUPONT », the name the agents know the parent by. */
export async function nomDuParent(tx: Tx, usagerId: string): Promise<string | null> {
  const usager = await tx.usager.findUnique({ where: { id: usagerId }, select: { prenoms: true, nomUsage: true } });
  return usager ? `${usager.prenoms} ${usager.nomUsage.toUpperCase()}` : null;
}

/** An agent as the history names them, « Prénom Nom » like their decisions on demandes. */
export async function acteurAgent(tx: Tx, agentId: string): Promise<ActeurReservation> {
  const agent = await tx.agent.findUniqueOrThrow({ where: { id: agentId }, select: { prenom: true, nom: true } });
  return { kind: "AGENT", agentId, nom: `${agent.prenom} ${agent.nom}` };
}
