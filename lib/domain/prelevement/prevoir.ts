// The pre-notified debits (issue 29): when an invoice is emitted for a family whose mandate is active, its debit
// is planned at once (Prelevement PREVU) with its amount and date, so the invoice and its mail tell the family
// « sera prélevé le … » at least the pre-notification delay ahead. The month's run (run.ts) presents them.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { inserer } from "@/lib/inserer";
import { ajouterJours, jourDeDate, type Jour } from "@/lib/temps/jours";

/** The first day of the month numbered `jour` on or after `des` (jour ≤ 28: every month has it). */
export function premierJourDePrelevement(des: Jour, jour: number): Jour {
  const [annee, mois, j] = des.split("-").map(Number) as [number, number, number];
  const cible = (a: number, m: number) => new Date(Date.UTC(a, m - 1, jour)).toISOString().slice(0, 10);
  return j <= jour ? cible(annee, mois) : cible(mois === 12 ? annee + 1 : annee, mois === 12 ? 1 : mois + 1);
}

/** The date a debit of an invoice emitted on `emission` is taken: the settings' day, the delay after it. */
export const datePrevue = (
  emission: Jour,
  parametres: { jourPrelevement: number; delaiPrenotificationJours: number },
) => premierJourDePrelevement(ajouterJours(emission, parametres.delaiPrenotificationJours), parametres.jourPrelevement);

/** A pain.008 EndToEndId (≤ 35 characters, unique): the invoice's number and a random tail for a second try. */
export const endToEndId = (numero: string) => `${numero}-${randomBytes(4).toString("hex").toUpperCase()}`;

type APrevoir = {
  factureId: string;
  numero: string;
  familleId: string;
  emiseLe: Date;
  mandatId: string;
  versionNumero: number;
  reste: number;
  presente: boolean;
};

/**
 * Plans the debit of each of these invoices whose family has an active mandate, in the caller's transaction (an
 * emission's chunk: one query for all of them): the amount is what the invoice owes once the family's credits
 * are applied, the sequence FRST when the mandate has no debit presented yet, else RCUR. An invoice that already
 * has a debit planned or presented, or owes nothing, is left alone. Nothing while prélèvement is not offered.
 */
export async function prevoirPrelevements(tx: Tx, factureIds: string[], now: Date): Promise<number> {
  if (factureIds.length === 0) return 0;
  const parametres = await tx.parametresPrelevement.findUnique({ where: { id: 1 } });
  if (!parametres?.actif || !parametres.ics) return 0;
  const lignes = await tx.$queryRaw<APrevoir[]>`
    SELECT f.id AS "factureId", f.numero, f."familleId", f."emiseLe", m.id AS "mandatId",
           (SELECT MAX(v.numero) FROM "VersionMandat" v WHERE v."mandatId" = m.id) AS "versionNumero",
           (f."totalCentimes"
             - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationPaiement" x WHERE x."factureId" = f.id), 0)
             - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationAvoir" x WHERE x."factureId" = f.id), 0)
           )::int AS reste,
           EXISTS (SELECT 1 FROM "Prelevement" q WHERE q."familleId" = f."familleId" AND q.statut = 'PRESENTE'
                   AND q."mandatId" = m.id) AS presente
    FROM "Facture" f
    JOIN "MandatSepa" m ON m."familleId" = f."familleId" AND m.statut = 'ACTIF'
    WHERE f.id = ANY(${factureIds}::text[])
      AND NOT EXISTS (SELECT 1 FROM "Avoir" av WHERE av."factureId" = f.id)
      AND NOT EXISTS (SELECT 1 FROM "Prelevement" p WHERE p."factureId" = f.id AND p.statut IN ('PREVU', 'PRESENTE'))`;
  const prevus = lignes.filter((l) => l.reste > 0 && l.versionNumero !== null);
  await inserer(
    tx,
    "Prelevement",
    {
      id: "text",
      factureId: "text",
      familleId: "text",
      mandatId: "text",
      versionNumero: "int",
      montantCentimes: "int",
      datePrelevement: "date",
      sequence: "text",
      endToEndId: "text",
      creeLe: "timestamp",
    },
    prevus.map((l) => ({
      id: randomUUID(),
      factureId: l.factureId,
      familleId: l.familleId,
      mandatId: l.mandatId,
      versionNumero: l.versionNumero,
      montantCentimes: l.reste,
      datePrelevement: datePrevue(jourDeDate(l.emiseLe), parametres),
      sequence: l.presente ? "RCUR" : "FRST",
      endToEndId: endToEndId(l.numero),
      creeLe: now,
    })),
  );
  return prevus.length;
}

/** The debit planned or presented for an invoice (« sera prélevé le … »), or null. */
export async function prochainPrelevement(factureId: string) {
  return db().prelevement.findFirst({
    where: { factureId, statut: { in: ["PREVU", "PRESENTE"] } },
    orderBy: { creeLe: "desc" },
    select: { datePrelevement: true, montantCentimes: true, statut: true, sequence: true },
  });
}
