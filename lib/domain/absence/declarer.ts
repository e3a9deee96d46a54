// "Justifier une absence" and "Malade ce matin": the parent declares a child absent on some days. The child's
// booked days of that period (RESERVEE, so only opening days: weekends, holidays and closures carry no booking)
// become ABSENCE_SIGNALEE under a demande of the engine, created and deposited in one transaction with its
// optional justificatif. The agents then accept (ABSENCE_JUSTIFIEE) or refuse (ABSENCE_INJUSTIFIEE); without a
// justificatif within the commune's delay, lib/domain/absence/expirer.ts refuses it.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { getStorage } from "@/lib/storage/storage";
import { deposerDans } from "@/lib/domain/demande/deposer";
import { nomDeFichier, type PieceJointe } from "@/lib/domain/demande/messages";
import { franchir } from "@/lib/domain/reservation/franchir";
import { DEMARCHE_ABSENCE, type DonneesAbsence } from "@/lib/domain/absence/demarche";
import {
  ajouterJours,
  dateDeJour,
  ecartJours,
  instantParis,
  jourDeDate,
  jourEnClair,
  jourParis,
  type Jour,
} from "@/lib/temps/jours";
import type { Commune, MotifAbsence } from "@/lib/generated/prisma/client";
import { joursEnClair } from "@/lib/domain/absence/jours-en-clair";

/** How far back a parent may declare an absence (a child ill last week), and how long a range may be. */
export const RETRO_JOURS = 30;
export const DUREE_MAX_JOURS = 62;

export const absenceIntrouvable = () => new AppError("introuvable", "Cette absence est introuvable.");

/** The child, reached through the caller's household only; anyone else's child is "not found". */
export async function enfantDuUsager(client: Tx, usagerId: string, enfantId: string) {
  const representant = await client.representant.findFirst({
    where: { usagerId, famille: { enfants: { some: { enfantId } } } },
    select: { familleId: true },
  });
  if (!representant) return null;
  const enfant = await client.enfant.findUnique({ where: { id: enfantId }, select: { id: true, prenoms: true } });
  return enfant ? { ...enfant, familleId: representant.familleId } : null;
}

export type Declaration = {
  usagerId: string;
  enfantId: string;
  debut: Jour;
  fin: Jour;
  motif: MotifAbsence;
  precision?: string | null;
  justificatif?: PieceJointe | null;
  now: Date;
};

/** The demande's number, its reservations (`jours`, a meal and its garderie counted apart) and « 1 jour (repas et
 * garderie) », the calendar days it covers as the parent reads them. */
export type Declaree = { numero: number; jours: number; joursEnClair: string };

export function declarerAbsence(declaration: Declaration): Promise<Declaree> {
  return declarer({ ...declaration, maladeCeMatin: false });
}

/**
 * "Malade ce matin": today's booked days of every activity (meal, garderie), for illness, the certificate to
 * follow; only until the commune's hour (Europe/Paris). After it, the refusal says how to reach the service.
 */
export async function maladeCeMatin({
  usagerId,
  enfantId,
  now,
}: {
  usagerId: string;
  enfantId: string;
  now: Date;
}): Promise<Declaree> {
  if (!(await enfantDuUsager(db(), usagerId, enfantId))) throw absenceIntrouvable();
  await verifierHeureMaladie(now);
  return declarer(declarationMaladeCeMatin({ usagerId, enfantId, now }));
}

/** "Malade ce matin" is refused from the commune's hour on (Europe/Paris). */
export async function verifierHeureMaladie(now: Date, client: Tx = db()): Promise<void> {
  const commune = await client.commune.findUniqueOrThrow({ where: { id: 1 } });
  if (now.getTime() >= instantParis(jourParis(now), commune.heureLimiteMaladie).getTime())
    throw new AppError("trop_tard", messageTropTard(commune));
}

/** The declaration "Malade ce matin" makes: today, for illness, the certificate to follow. */
export function declarationMaladeCeMatin({
  usagerId,
  enfantId,
  now,
}: {
  usagerId: string;
  enfantId: string;
  now: Date;
}) {
  const aujourdhui = jourParis(now);
  return {
    usagerId,
    enfantId,
    debut: aujourdhui,
    fin: aujourdhui,
    motif: "MALADIE" as const,
    now,
    maladeCeMatin: true,
  };
}

/** Why "Malade ce matin" is closed, and how to reach the service instead. */
export function messageTropTard(
  commune: Pick<Commune, "heureLimiteMaladie" | "serviceNom" | "telephone" | "serviceEmail">,
) {
  const joindre = [
    commune.telephone && `par téléphone au ${commune.telephone}`,
    `par courriel à ${commune.serviceEmail}`,
  ]
    .filter(Boolean)
    .join(" ou ");
  return `« Malade ce matin » n'est possible que jusqu'à ${commune.heureLimiteMaladie.replace(":", " h ")} : le repas et la garderie d'aujourd'hui sont déjà commandés. Prévenez le ${commune.serviceNom} ${joindre}, puis justifiez l'absence avec « Justifier une absence ».`;
}

type DeclarationComplete = Declaration & { maladeCeMatin: boolean };

async function declarer(declaration: DeclarationComplete): Promise<Declaree> {
  const { debut, fin, now, justificatif } = declaration;
  if (fin < debut) throw new AppError("dates", "La date de fin précède la date de début.", "fin");
  if (ecartJours(debut, fin) >= DUREE_MAX_JOURS)
    throw new AppError("dates", `Une absence dure ${DUREE_MAX_JOURS} jours au plus.`, "fin");
  if (debut < ajouterJours(jourParis(now), -RETRO_JOURS))
    throw new AppError("dates", `Une absence se déclare au plus ${RETRO_JOURS} jours après.`, "debut");
  // The file is written first (storage is not transactional); if the declaration is refused it is removed.
  const pieceKey = justificatif ? await getStorage().put(justificatif.bytes) : null;
  try {
    return await db().$transaction((tx) => declarerDans(tx, declaration, pieceKey));
  } catch (error) {
    if (pieceKey) await getStorage().remove(pieceKey);
    throw error;
  }
}

/**
 * The declaration inside the caller's transaction: the demande, the absence, the days' transition, the deposit,
 * the journal. « Malade ce matin » for several children runs it once per child in one transaction
 * (malade-famille.ts). The refusal « rien à annuler » (code aucun_jour) comes before anything is written.
 */
export async function declarerDans(
  tx: Tx,
  { usagerId, enfantId, debut, fin, motif, precision, justificatif, now, maladeCeMatin }: DeclarationComplete,
  pieceKey: string | null = null,
): Promise<Declaree> {
  const enfant = await enfantDuUsager(tx, usagerId, enfantId);
  if (!enfant) throw absenceIntrouvable();
  const commune = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
  const reservations = await tx.reservation.findMany({
    where: {
      enfantId,
      familleId: enfant.familleId,
      statut: "RESERVEE",
      date: { gte: dateDeJour(debut), lte: dateDeJour(fin) },
    },
    orderBy: [{ date: "asc" }, { unite: { activite: { ordre: "asc" } } }, { unite: { ordre: "asc" } }],
    select: {
      id: true,
      date: true,
      unite: { select: { libelle: true, activite: { select: { libelle: true, type: true } } } },
    },
  });
  if (reservations.length === 0)
    throw new AppError(
      "aucun_jour",
      maladeCeMatin
        ? `${enfant.prenoms} n'a rien de réservé aujourd'hui : il n'y a rien à annuler.`
        : `${enfant.prenoms} n'a aucun jour réservé dans cette période.`,
      maladeCeMatin ? undefined : "debut",
    );
  const donnees: DonneesAbsence = {
    enfantId,
    prenom: enfant.prenoms,
    debut,
    fin,
    motif,
    precision: precision?.trim() || null,
    maladeCeMatin,
    jours: reservations.map((r) => `${jourEnClair(jourDeDate(r.date))} — ${r.unite.libelle}`),
  };
  const demande = await tx.demande.create({
    data: { type: "ABSENCE", usagerId, familleId: enfant.familleId, enfantId, donnees },
  });
  await tx.absence.create({
    data: {
      demandeId: demande.id,
      enfantId,
      familleId: enfant.familleId,
      debut: dateDeJour(debut),
      fin: dateDeJour(fin),
      motif,
      maladeCeMatin,
      justificatifAvant: new Date(now.getTime() + commune.delaiJustificatifHeures * 3_600_000),
      justificatifRecuLe: justificatif ? now : null,
      creeeLe: now,
    },
  });
  // conditional: a booking changed meanwhile (cancelled, another absence) is left as it now is
  const { length: count } = await franchir(tx, {
    ids: reservations.map((r) => r.id),
    transition: "signalerAbsence",
    // the absence's motif (an illness…) is not copied into the history: it stays in its demande
    acteur: { kind: "USAGER", usagerId },
    complement: { absenceId: demande.id },
    now,
  });
  if (count !== reservations.length)
    throw new AppError("concurrence", "Ces réservations viennent de changer : réessayez.");
  const numero = await deposerDans(tx, {
    usagerId,
    demandeId: demande.id,
    commune,
    demarches: { ABSENCE: DEMARCHE_ABSENCE },
  });
  if (justificatif && pieceKey)
    await messageJustificatif(tx, { demandeId: demande.id, usagerId, piece: justificatif, pieceKey, now });
  await journal(tx, {
    event: maladeCeMatin ? "absence.malade_ce_matin" : "absence.declaree",
    actorKind: "USAGER",
    actorId: usagerId,
    // calendar days (a meal and its garderie are one day), as the parent reads them
    details: { numero, jours: new Set(reservations.map((r) => jourDeDate(r.date))).size },
  });
  const services = reservations.map((r) => ({ date: jourDeDate(r.date), type: r.unite.activite.type }));
  return { numero, jours: count, joursEnClair: joursEnClair(services) };
}

/** The justificatif is a message of Échanges from the parent, with its piece: the agents read it there. */
export async function messageJustificatif(
  tx: Tx,
  {
    demandeId,
    usagerId,
    piece,
    pieceKey,
    now,
  }: { demandeId: string; usagerId: string; piece: PieceJointe; pieceKey: string; now: Date },
) {
  const usager = await tx.usager.findUniqueOrThrow({ where: { id: usagerId } });
  await tx.demandeMessage.create({
    data: {
      demandeId,
      auteur: "USAGER",
      auteurId: usagerId,
      auteurNom: `${usager.prenoms} ${usager.nomUsage.toUpperCase()}`,
      contenu: "Justificatif d'absence",
      pieceKey,
      pieceNom: nomDeFichier(piece.nom),
      pieceType: piece.mime,
      pieceTaille: piece.bytes.length,
      createdAt: now,
    },
  });
}
