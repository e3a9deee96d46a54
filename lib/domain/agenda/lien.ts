// The family's private calendar feed is reached by a secret link, no session: a calendar app (Google Agenda,
// Apple Calendrier, Outlook) fetches it on its own. The secret is not stored: it is an HMAC, with a key derived
// from the application key (lib/chiffrement.ts), over the family's id and Famille.agendaVersion. « Renouveler le
// lien » adds 1 to the version, so the old link answers 404 from then on. A rotation of CLE_CHIFFREMENT renews
// every family's link as well.
import { timingSafeEqual } from "node:crypto";
import { cleDerivee } from "@/lib/chiffrement";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The secret of a family's feed at a version. */
export const secretAgenda = (familleId: string, version: number) => cleDerivee(`agenda:${familleId}:${version}`);

/** The last segment of the feed's address: the family's id and its secret. */
export const jetonAgenda = (familleId: string, version: number) => `${familleId}.${secretAgenda(familleId, version)}`;

export const lienAgenda = (familleId: string, version: number) =>
  `${config.appUrl}/api/agenda/${jetonAgenda(familleId, version)}`;

/**
 * The family a feed's token opens, or null: a malformed token, an unknown family, an old version's secret or a
 * wrong one all get the same null (the route answers 404), the secret compared in constant time.
 */
export async function familleDuJeton(jeton: string): Promise<string | null> {
  const [familleId, secret, ...reste] = jeton.replace(/\.ics$/, "").split(".");
  if (!familleId || !secret || reste.length || !UUID.test(familleId)) return null;
  const famille = await db().famille.findUnique({ where: { id: familleId }, select: { agendaVersion: true } });
  if (!famille) return null;
  const attendu = Buffer.from(secretAgenda(familleId, famille.agendaVersion));
  const recu = Buffer.from(secret);
  return recu.length === attendu.length && timingSafeEqual(recu, attendu) ? familleId : null;
}

/** The feed's link of the caller's family, or null for a space without a family. */
export async function lienAgendaDuUsager(usagerId: string): Promise<string | null> {
  const representant = await db().representant.findFirst({
    where: { usagerId },
    select: { famille: { select: { id: true, agendaVersion: true } } },
  });
  return representant ? lienAgenda(representant.famille.id, representant.famille.agendaVersion) : null;
}

/** « Renouveler le lien »: the old link stops working at once. */
export async function renouvelerLienAgenda(usagerId: string): Promise<string> {
  return db().$transaction(async (tx) => {
    const representant = await tx.representant.findFirst({ where: { usagerId }, select: { familleId: true } });
    if (!representant) throw new AppError("sans_famille", "Votre espace n'est rattaché à aucune famille.");
    const famille = await tx.famille.update({
      where: { id: representant.familleId },
      data: { agendaVersion: { increment: 1 } },
      select: { id: true, agendaVersion: true },
    });
    await journal(tx, {
      event: "agenda.lien_renouvele",
      actorKind: "USAGER",
      actorId: usagerId,
      details: { familleId: famille.id, version: famille.agendaVersion },
    });
    return lienAgenda(famille.id, famille.agendaVersion);
  });
}
