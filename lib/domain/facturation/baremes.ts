// The unit prices the billing module would apply to the caller's children, for the family's estimate
// (reservation/estimation.ts): the year's tariff of each unit (lib/domain/facturation/tarif.ts prixExact, the function the
// invoice's calculateurPrix uses) at the household's quotient familial, looked up as the invoice does (the
// latest start date covering the day, then the latest typed). The QF is the one in force on the month's first
// day: a QF that changes in the middle of a month splits the invoice's line, and the estimate of the days after
// the change is then off by the difference (the page calls it an estimation).
import "server-only";
import { db } from "@/lib/db";
import { prixExact } from "@/lib/domain/facturation/tarif";
import { dateDeJour, jourDeDate, type Jour } from "@/lib/temps/jours";
import { finDuMois } from "@/lib/temps/periode";
import { uniteSouscrite } from "@/lib/domain/reservation/unites-souscrites";
import type { Bareme } from "@/lib/domain/reservation/estimation";

type Quotient = { familleId: string; valeur: number; du: Date; au: Date | null; creeLe: Date };

/** The QF of a household on a day, as the invoice's query picks it (null: none given, the highest bracket). */
function quotientLe(quotients: Quotient[], familleId: string, jour: Jour): number | null {
  const date = dateDeJour(jour).getTime();
  const valables = quotients.filter(
    (q) => q.familleId === familleId && q.du.getTime() <= date && (q.au === null || q.au.getTime() >= date),
  );
  valables.sort((a, b) => b.du.getTime() - a.du.getTime() || b.creeLe.getTime() - a.creeLe.getTime());
  return valables[0]?.valeur ?? null;
}

/**
 * For every child × unit of the caller's families' ACTIVE inscriptions, with the family's QF at that month
 * and the year's tarif (the billing module's own functions). A unit without a tariff for its year has no price
 * (the estimate counts its days for nothing, as no invoice can be run for it yet). `now` is not read: the
 * invoice's price does not depend on the clock, only on the day's QF and the year's tariff (every QF on file
 * counts, as the invoice run reads them all).
 */
export async function baremesDeLaFamille({
  usagerId,
  mois,
}: {
  usagerId: string;
  mois: readonly Jour[];
  now: Date;
}): Promise<Bareme[]> {
  const premiers = [...new Set(mois.map((m) => `${m.slice(0, 7)}-01`))].sort();
  if (premiers.length === 0) return [];
  const inscriptions = await db().inscription.findMany({
    where: {
      statut: "ACTIVE",
      famille: { representants: { some: { usagerId } } },
      annee: {
        dateDebut: { lte: dateDeJour(finDuMois(premiers.at(-1)!)) },
        dateFin: { gte: dateDeJour(premiers[0]!) },
      },
    },
    orderBy: [{ enfantId: "asc" }, { createdAt: "asc" }],
    // the year's tariffs and the household's QFs with each inscription: one statement (relationJoins)
    select: {
      enfantId: true,
      familleId: true,
      anneeId: true,
      unitesSouscrites: true,
      annee: { select: { dateDebut: true, dateFin: true, tarifs: { include: { tranches: true } } } },
      activite: { select: { unites: { select: { id: true }, orderBy: { ordre: "asc" } } } },
      famille: {
        select: { quotients: { select: { familleId: true, valeur: true, du: true, au: true, creeLe: true } } },
      },
    },
  });
  if (inscriptions.length === 0) return [];
  const tarifs = inscriptions.flatMap((i) => i.annee.tarifs);
  const quotients = inscriptions.flatMap((i) => i.famille.quotients);
  const tarifDe = new Map(tarifs.map((t) => [`${t.uniteId}:${t.anneeId}`, t]));
  const baremes: Bareme[] = [];
  const vus = new Set<string>();
  for (const premier of premiers) {
    const fin = finDuMois(premier);
    for (const i of inscriptions) {
      if (jourDeDate(i.annee.dateDebut) > fin || jourDeDate(i.annee.dateFin) < premier) continue;
      const qf = quotientLe(quotients, i.familleId, premier);
      for (const { id: uniteId } of i.activite.unites) {
        const cle = `${i.enfantId}|${uniteId}|${premier}`;
        const tarif = tarifDe.get(`${uniteId}:${i.anneeId}`);
        if (!tarif || vus.has(cle) || !uniteSouscrite(i.unitesSouscrites, uniteId)) continue;
        vus.add(cle);
        baremes.push({
          enfantId: i.enfantId,
          uniteId,
          mois: premier,
          prix: prixExact(tarif, qf).dividedBy(100).toFixed(),
        });
      }
    }
  }
  return baremes;
}
