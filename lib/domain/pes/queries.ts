// The console's reads of PES: the invoiced months and what is still to send, the bordereaux, a bordereau's titles.
import "server-only";
import { db } from "@/lib/db";
import { jourDeDate } from "@/lib/temps/jours";

/** Each invoiced month, newest first, with its invoices not yet in a bordereau. */
export async function moisFactures() {
  const lignes = await db().$queryRaw<{ mois: Date; factures: number; aEnvoyer: number }[]>`
    SELECT f."periodeDebut" AS mois, COUNT(*)::int AS factures,
           COUNT(*) FILTER (WHERE t.id IS NULL AND f."totalCentimes" > 0)::int AS "aEnvoyer"
    FROM "Facture" f LEFT JOIN "TitrePes" t ON t."factureId" = f.id
    GROUP BY f."periodeDebut" ORDER BY f."periodeDebut" DESC LIMIT 24`;
  return lignes.map((l) => ({ ...l, mois: jourDeDate(l.mois) }));
}

/** The avoirs not yet sent (they go with the next bordereau). */
export const avoirsAEnvoyer = () => db().avoir.count({ where: { titrePes: null, montantCentimes: { gt: 0 } } });

export async function bordereaux() {
  const liste = await db().bordereauPes.findMany({
    orderBy: [{ exer: "desc" }, { numero: "desc" }],
    take: 100,
  });
  const etats = await db().titrePes.groupBy({
    by: ["bordereauId", "statut"],
    where: { bordereauId: { in: liste.map((b) => b.id) } },
    _count: true,
  });
  return liste.map((b) => ({
    ...b,
    etats: Object.fromEntries(etats.filter((e) => e.bordereauId === b.id).map((e) => [e.statut, e._count])),
  }));
}

/** A bordereau and its titles in IdPce order, or null. */
export async function bordereauDetail(id: string) {
  return db().bordereauPes.findUnique({
    where: { id },
    include: {
      titres: {
        orderBy: { numeroPiece: "asc" },
        include: {
          facture: { select: { numero: true, destinataire: true, totalCentimes: true, familleId: true } },
          avoir: { select: { numero: true, montantCentimes: true, familleId: true } },
        },
      },
    },
  });
}
