// The month's reconciliation for the régisseur: what was invoiced, credited (avoirs) and cashed (by mode) in the
// month, and where the families' accounts stood at its end: what open invoices still owed, and the credits families
// held (money or avoirs not yet used, what was paid on a cancelled invoice, an invoice whose régularisations made
// it negative). Integer cents, dates of issue and of receipt as calendar days. The figures hold together: with
// balance = still owed − credits held, balance at the start + invoiced − avoirs − cashed = balance at the end.
import "server-only";
import { db } from "@/lib/db";
import type { ModePaiement } from "@/lib/generated/prisma/client";
import { finDuMois } from "@/lib/temps/periode";
import { ajouterJours, dateDeJour, jourParis, type Jour } from "@/lib/temps/jours";

/** The modes always shown, even with nothing cashed; another mode shows once it has cashed something. */
export const MODES: ModePaiement[] = ["CB_PAYFIP", "CHEQUE", "ESPECES", "CESU", "VIREMENT"];

export type Rapprochement = {
  /** first day of the month */
  mois: Jour;
  /** the last day counted: the month's last day, or today for the month under way */
  au: Jour;
  factures: { nombre: number; totalCentimes: number };
  avoirs: { nombre: number; totalCentimes: number };
  /** by mode: MODES, then any other mode that cashed something */
  encaisse: { mode: ModePaiement; nombre: number; totalCentimes: number }[];
  encaisseNombre: number;
  encaisseCentimes: number;
  /** the accounts the evening before the month began, and at the end of `au` */
  debut: Comptes;
  fin: Comptes;
};

/** What open invoices still owed, and the credits families held (both ≥ 0): their balance is the difference. */
export type Comptes = { resteDuCentimes: number; creditsCentimes: number };

const n = (valeur: bigint | number | null) => Number(valeur ?? 0);

/**
 * What open invoices still owed at the end of `au` and the credits families held then. An allocation counts from
 * the day its payment was received (or its avoir issued), for an invoice already issued by then.
 */
async function comptesAu(au: Jour): Promise<Comptes> {
  const jour = dateDeJour(au);
  const [ligne] = await db().$queryRaw<
    { reste: bigint | null; creditsFactures: bigint | null; paiements: bigint | null; avoirs: bigint | null }[]
  >`
    WITH factures AS (
      SELECT f."totalCentimes" AS total,
             EXISTS (SELECT 1 FROM "Avoir" a WHERE a."factureId" = f.id AND a."emisLe" <= ${jour}) AS annulee,
             coalesce((SELECT sum(ap."montantCentimes") FROM "AffectationPaiement" ap
                        JOIN "Paiement" p ON p.id = ap."paiementId"
                       WHERE ap."factureId" = f.id AND p.date <= ${jour}), 0)
           + coalesce((SELECT sum(aa."montantCentimes") FROM "AffectationAvoir" aa
                        JOIN "Avoir" av ON av.id = aa."avoirId"
                       WHERE aa."factureId" = f.id AND av."emisLe" <= ${jour}), 0) AS regle
        FROM "Facture" f
       WHERE f."emiseLe" <= ${jour}
    )
    SELECT
      (SELECT sum(CASE WHEN NOT annulee AND total > regle THEN total - regle ELSE 0 END) FROM factures) AS reste,
      (SELECT sum(CASE WHEN annulee THEN regle WHEN regle > total THEN regle - total ELSE 0 END) FROM factures)
        AS "creditsFactures",
      (SELECT sum(p."montantCentimes") - coalesce(sum((
          SELECT sum(ap."montantCentimes") FROM "AffectationPaiement" ap JOIN "Facture" f ON f.id = ap."factureId"
           WHERE ap."paiementId" = p.id AND f."emiseLe" <= ${jour})), 0)
         FROM "Paiement" p WHERE p.date <= ${jour} AND p."rejeteLe" IS NULL) AS paiements,
      (SELECT sum(a."montantCentimes") - coalesce(sum((
          SELECT sum(aa."montantCentimes") FROM "AffectationAvoir" aa JOIN "Facture" f ON f.id = aa."factureId"
           WHERE aa."avoirId" = a.id AND f."emiseLe" <= ${jour})), 0)
         FROM "Avoir" a WHERE a."factureId" IS NULL AND a."emisLe" <= ${jour}) AS avoirs`;
  return {
    resteDuCentimes: n(ligne!.reste),
    creditsCentimes: n(ligne!.creditsFactures) + n(ligne!.paiements) + n(ligne!.avoirs),
  };
}

/**
 * The month a page or an export asks for (?mois=2026-11), the first day of it: the last month over when it asks
 * for none, an unreadable one or one not begun yet.
 */
export function moisDuRapprochement(saisie: unknown, now: Date): Jour {
  const aujourdhui = jourParis(now);
  const debut = `${aujourdhui.slice(0, 7)}-01`;
  if (typeof saisie === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(saisie) && `${saisie}-01` <= debut) {
    return `${saisie}-01`;
  }
  return `${ajouterJours(debut, -1).slice(0, 7)}-01`;
}

/** The month `mois` (its first day, or any day of it) as the régisseur reconciles it; `now`: the clock. */
export async function rapprochementDuMois(mois: Jour, now: Date): Promise<Rapprochement> {
  const debut = `${mois.slice(0, 7)}-01`;
  const aujourdhui = jourParis(now);
  const au = finDuMois(debut) < aujourdhui ? finDuMois(debut) : aujourdhui;
  const du = dateDeJour(debut);
  const a = dateDeJour(au);
  const [factures, avoirs, paiements, comptesDebut, comptesFin] = await Promise.all([
    db().facture.aggregate({ where: { emiseLe: { gte: du, lte: a } }, _count: true, _sum: { totalCentimes: true } }),
    db().avoir.aggregate({ where: { emisLe: { gte: du, lte: a } }, _count: true, _sum: { montantCentimes: true } }),
    db().paiement.groupBy({
      by: ["mode"],
      // a debit the bank rejected was never cashed
      where: { date: { gte: du, lte: a }, rejeteLe: null },
      _count: true,
      _sum: { montantCentimes: true },
    }),
    comptesAu(ajouterJours(debut, -1)),
    comptesAu(au),
  ]);
  const parMode = new Map(
    paiements.map((p) => [p.mode, { nombre: p._count, totalCentimes: p._sum.montantCentimes ?? 0 }]),
  );
  const modes = [...MODES, ...[...parMode.keys()].filter((m) => !MODES.includes(m))];
  const encaisse = modes.map((mode) => ({ mode, ...(parMode.get(mode) ?? { nombre: 0, totalCentimes: 0 }) }));
  return {
    mois: debut,
    au,
    factures: { nombre: factures._count, totalCentimes: factures._sum.totalCentimes ?? 0 },
    avoirs: { nombre: avoirs._count, totalCentimes: avoirs._sum.montantCentimes ?? 0 },
    encaisse,
    encaisseNombre: encaisse.reduce((s, e) => s + e.nombre, 0),
    encaisseCentimes: encaisse.reduce((s, e) => s + e.totalCentimes, 0),
    debut: comptesDebut,
    fin: comptesFin,
  };
}
