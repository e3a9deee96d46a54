// Mon accueil's « À faire »: what the family owes (the remainder of its invoices not cancelled by an avoir, after
// payments and avoirs allocated) and the absences this parent declared whose justificatif is still awaited
// (the absences page's rule: demande in progress, before its deadline, nothing received). One round trip for
// both, so the page the bench measures (scripts/bench/pages.ts) reads once more, not twice.
import { db } from "@/lib/db";
import { EN_COURS } from "@/lib/domain/demande/queries";

export type AFaire = {
  resteCentimes: number;
  /** per absence to justify, its child (oldest deadline first) */
  absencesAJustifier: { enfantId: string; numero: number }[];
};

export async function aFaireDeLaFamille(familleId: string, usagerId: string, now: Date): Promise<AFaire> {
  const [ligne] = await db().$queryRaw<{ resteCentimes: number; absences: { enfantId: string; numero: number }[] }[]>`
    SELECT
      (SELECT COALESCE(SUM(GREATEST(0, f."totalCentimes"
          - COALESCE((SELECT SUM(ap."montantCentimes") FROM "AffectationPaiement" ap WHERE ap."factureId" = f.id), 0)
          - COALESCE((SELECT SUM(aa."montantCentimes") FROM "AffectationAvoir" aa WHERE aa."factureId" = f.id), 0))), 0)
        FROM "Facture" f
        WHERE f."familleId" = ${familleId}
          AND NOT EXISTS (SELECT 1 FROM "Avoir" av WHERE av."factureId" = f.id))::int AS "resteCentimes",
      (SELECT COALESCE(json_agg(json_build_object('enfantId', a."enfantId", 'numero', d.numero)
          ORDER BY a."justificatifAvant"), '[]'::json)
        FROM "Absence" a JOIN "Demande" d ON d.id = a."demandeId"
        WHERE a."familleId" = ${familleId} AND d."usagerId" = ${usagerId}
          AND a."justificatifRecuLe" IS NULL AND a."justificatifAvant" >= ${now}
          AND d.statut::text = ANY(${EN_COURS as string[]})) AS absences`;
  return { resteCentimes: ligne?.resteCentimes ?? 0, absencesAJustifier: ligne?.absences ?? [] };
}
