// « Vérifier le tirage »: anyone holding the published seed can redo the ranking. From the journal's inputs (each
// row's unit, child and points, the points checked against the criteria it lists and the window's published
// points) and the seed, the draw and the ranks are computed again and compared with what was journaled.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { classer, tirage } from "@/lib/domain/fenetre/tirage";

export type Verification = {
  conforme: boolean;
  lignes: number;
  /** each row that differs, in words (empty when conforme) */
  ecarts: string[];
};

export async function verifierTirage(fenetreId: number): Promise<Verification> {
  const fenetre = await db().fenetreReservation.findUnique({
    where: { id: fenetreId },
    select: {
      graine: true,
      statut: true,
      criteres: { select: { critere: true, points: true } },
      classement: { orderBy: [{ uniteId: "asc" }, { rang: "asc" }] },
    },
  });
  if (!fenetre) throw new AppError("introuvable", "Cette période de réservation n'existe pas.");
  const baremes = new Map(fenetre.criteres.map((c) => [c.critere, c.points]));
  const ecarts: string[] = [];
  const parUnite = new Map<number, typeof fenetre.classement>();
  for (const l of fenetre.classement) {
    parUnite.set(l.uniteId, [...(parUnite.get(l.uniteId) ?? []), l]);
    const attendu = tirage(fenetre.graine, l.uniteId, l.enfantId);
    if (attendu !== l.tirage) ecarts.push(`Unité ${l.uniteId}, rang ${l.rang} : tirage différent.`);
    const points = l.criteres.reduce((s, c) => s + (baremes.get(c) ?? Number.NaN), 0);
    if (points !== l.points) ecarts.push(`Unité ${l.uniteId}, rang ${l.rang} : points différents des critères.`);
  }
  for (const [uniteId, lignes] of parUnite) {
    const refait = classer(
      lignes.map((l) => ({
        enfantId: l.enfantId,
        points: l.points,
        tirage: tirage(fenetre.graine, uniteId, l.enfantId),
      })),
    );
    const rangDe = new Map(refait.map((r) => [r.enfantId, r.rang]));
    for (const l of lignes)
      if (rangDe.get(l.enfantId) !== l.rang)
        ecarts.push(`Unité ${uniteId} : rang ${l.rang} journalisé, ${rangDe.get(l.enfantId)} recalculé.`);
  }
  return { conforme: fenetre.statut === "ATTRIBUEE" && ecarts.length === 0, lignes: fenetre.classement.length, ecarts };
}
