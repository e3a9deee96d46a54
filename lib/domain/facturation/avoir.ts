// A cancellation: a numbered credit note (série AV, gap-free per year) for the whole invoice, pointing at it.
// The invoice itself is never edited; at most one avoir per invoice (unique), so two agents cannot both cancel.
// What had paid it (payments, avoirs de régularisation) is released and applied again to the family's other
// open invoices, or kept as its credit: a cancelled paid invoice's money is never lost.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { exigerFacturation } from "@/lib/domain/facturation/habilitation";
import { formaterNumero, reserverNumeros, SERIE_AVOIR } from "@/lib/argent/numerotation";
import { appliquerCredits, verrouillerComptes } from "@/lib/domain/paiement/compte";
import { dateDeJour, jourParis } from "@/lib/temps/jours";

export const avoirSchema = z.object({
  motif: z.string().trim().min(3, "Indiquez le motif de l'annulation.").max(500, "500 caractères au plus."),
});

export async function emettreAvoir({
  numero,
  motif,
  agentId,
  now,
}: {
  numero: string;
  motif: string;
  agentId: string;
  now: Date;
}) {
  // an avoir cancels a debt of the commune's books: emitted, as invoices are, by an agent holding FACTURATION
  await exigerFacturation({ id: agentId });
  return db().$transaction(async (tx) => {
    // the family's account first, then the invoice: the order every allocation takes them in
    const famille = await tx.facture.findUnique({ where: { numero }, select: { familleId: true } });
    if (!famille) return null;
    await verrouillerComptes(tx, [famille.familleId]);
    const [facture] = await tx.$queryRaw<{ id: string; familleId: string; totalCentimes: number }[]>`
      SELECT id, "familleId", "totalCentimes" FROM "Facture" WHERE numero = ${numero} FOR UPDATE`;
    if (!facture) return null;
    if (await tx.avoir.findUnique({ where: { factureId: facture.id } })) {
      throw new AppError("DEJA_ANNULEE", "Cette facture a déjà un avoir.");
    }
    const emis = jourParis(now);
    const annee = Number(emis.slice(0, 4));
    const sequence = await reserverNumeros(tx, SERIE_AVOIR, annee, 1);
    const avoir = await tx.avoir.create({
      data: {
        numero: formaterNumero(SERIE_AVOIR, annee, sequence),
        serie: SERIE_AVOIR,
        annee,
        sequence,
        factureId: facture.id,
        familleId: facture.familleId,
        montantCentimes: facture.totalCentimes,
        motif,
        emisLe: dateDeJour(emis),
        parAgentId: agentId,
        // the command's clock, as the reservations' story: a régularisation says which came last
        creeLe: now,
      },
    });
    const liberes = await tx.affectationPaiement.deleteMany({ where: { factureId: facture.id } });
    await tx.affectationAvoir.deleteMany({ where: { factureId: facture.id } });
    await appliquerCredits(tx, [facture.familleId]);
    await journal(tx, {
      event: "facturation.avoir",
      actorKind: "AGENT",
      actorId: agentId,
      details: { facture: numero, familleId: famille.familleId, avoir: avoir.numero, paiementsLiberes: liberes.count },
    });
    return avoir;
  });
}
