// The month's invoicing, what it bills: the days each family booked (garde alternée: each household for its
// own days) and the children seen without a booking, counted per child, unit and QF, and the tariffs that price
// them. The run itself: lancer.ts (the agent's launch), executer.ts (chunk after chunk, resumable), lot.ts
// (one chunk's invoices, numbered gap-free per series and year), courriel-facture.ts (the families' mail).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cleTarif, type JoursFactures, type Referentiel, type TarifFacturation } from "@/lib/domain/facturation/calcul";
import { etatsFactures, etatsMajores } from "@/lib/domain/reservation/transitions";
import { dateDeJour, jourDeDate, type Jour } from "@/lib/temps/jours";
import { sansPointFinal } from "@/lib/texte/point-final";

export type LigneJours = JoursFactures & { familleId: string; activiteId: number };

/** The billed days of the month, counted in PostgreSQL per family, child, unit, QF that applied that day. */
export async function joursDuMois(debut: Jour, fin: Jour): Promise<LigneJours[]> {
  const lignes = await db().$queryRaw<
    {
      familleId: string;
      enfantId: string;
      uniteId: number;
      anneeId: number;
      activiteId: number;
      quotient: number | null;
      majore: boolean;
      quantite: number;
      dernier: Date;
      jours: Jour[];
    }[]
  >`
    SELECT r."familleId", r."enfantId", r."uniteId", i."anneeId", u."activiteId", q.valeur AS quotient,
           (r.statut = ANY(${etatsMajores()}::"StatutReservation"[])) AS majore,
           count(*)::int AS quantite, max(r.date) AS dernier,
           array_agg(to_char(r.date, 'YYYY-MM-DD') ORDER BY r.date) AS jours
    FROM "Reservation" r
    JOIN "Inscription" i ON i.id = r."inscriptionId"
    JOIN "Unite" u ON u.id = r."uniteId"
    LEFT JOIN LATERAL (
      SELECT valeur FROM "QuotientFamilial" q
      WHERE q."familleId" = r."familleId" AND q.du <= r.date AND (q.au IS NULL OR q.au >= r.date)
      ORDER BY q.du DESC, q."creeLe" DESC LIMIT 1
    ) q ON true
    WHERE r.date BETWEEN ${dateDeJour(debut)} AND ${dateDeJour(fin)}
      AND r.statut = ANY(${etatsFactures()}::"StatutReservation"[])
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    UNION ALL
    -- "présent sans réservation" (pointage): no reservation, so the household is the child's inscription in the
    -- activity for the year of that day (the oldest, for a garde alternée), the tariff's supplement applied
    SELECT i."familleId", p."enfantId", p."uniteId", i."anneeId", u."activiteId", q.valeur AS quotient,
           true AS majore, count(*)::int AS quantite, max(p.date) AS dernier,
           array_agg(to_char(p.date, 'YYYY-MM-DD') ORDER BY p.date) AS jours
    FROM "Pointage" p
    JOIN "Unite" u ON u.id = p."uniteId"
    JOIN LATERAL (
      SELECT i."familleId", i."anneeId" FROM "Inscription" i
      JOIN "AnneeScolaire" a ON a.id = i."anneeId"
      WHERE i."enfantId" = p."enfantId" AND i."activiteId" = u."activiteId" AND i.statut = 'ACTIVE'
        AND p.date BETWEEN a."dateDebut" AND a."dateFin"
      ORDER BY i."createdAt" LIMIT 1
    ) i ON true
    LEFT JOIN LATERAL (
      SELECT valeur FROM "QuotientFamilial" q
      WHERE q."familleId" = i."familleId" AND q.du <= p.date AND (q.au IS NULL OR q.au >= p.date)
      ORDER BY q.du DESC, q."creeLe" DESC LIMIT 1
    ) q ON true
    WHERE p.date BETWEEN ${dateDeJour(debut)} AND ${dateDeJour(fin)} AND p.etat = 'PRESENT_SANS_RESERVATION'
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  return lignes.map((l) => ({ ...l, mois: debut, dernier: jourDeDate(l.dernier) }));
}

/** The tariffs of the (unit, year) pairs the days use, every unit's wording, no child yet (the chunk adds them). */
export async function referentiel(jours: Pick<LigneJours, "uniteId" | "anneeId">[]): Promise<Referentiel> {
  const paires = new Map(jours.map((j) => [cleTarif(j.uniteId, j.anneeId), j]));
  const [tarifs, unites] = await Promise.all([
    db().tarif.findMany({
      where: { OR: [...paires.values()].map((j) => ({ uniteId: j.uniteId, anneeId: j.anneeId })) },
      include: { tranches: true },
    }),
    db().unite.findMany({ include: { activite: { select: { libelle: true, ordre: true, type: true } } } }),
  ]);
  const parCle = new Map<string, TarifFacturation>(tarifs.map((t) => [cleTarif(t.uniteId, t.anneeId), t]));
  const manquants = [...paires.values()].filter((j) => !parCle.has(cleTarif(j.uniteId, j.anneeId)));
  if (paires.size > 0 && manquants.length > 0) {
    const annees = await db().anneeScolaire.findMany({ where: { id: { in: manquants.map((m) => m.anneeId) } } });
    const nom = (m: Pick<LigneJours, "uniteId" | "anneeId">) => {
      const u = unites.find((x) => x.id === m.uniteId);
      return `${sansPointFinal(u?.activite.libelle ?? "")} — ${u?.libelle ?? ""} (${annees.find((a) => a.id === m.anneeId)?.libelle ?? ""})`;
    };
    throw new AppError(
      "TARIF_MANQUANT",
      `Aucun tarif pour : ${[...new Set(manquants.map(nom))].join(" ; ")}. Ajoutez-le dans « Tarifs » puis relancez.`,
    );
  }
  return {
    tarifs: parCle,
    unites: new Map(
      unites.map((u) => [
        u.id,
        {
          activiteId: u.activiteId,
          libelle: `${u.activite.type === "RESTAURATION" ? "Restauration" : "Garderie"} — ${u.libelle}`,
          ordre: u.ordre,
          activiteOrdre: u.activite.ordre,
        },
      ]),
    ),
    enfants: new Map(),
  };
}
