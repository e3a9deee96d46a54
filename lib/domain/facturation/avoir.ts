// A cancellation: a numbered credit note (série AV, gap-free per year) for the whole invoice, pointing at it.
// The invoice itself is never edited; at most one avoir per invoice (unique), so two agents cannot both cancel.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { formaterNumero, reserverNumeros, SERIE_AVOIR } from "@/lib/domain/facturation/numerotation";
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
  return db().$transaction(async (tx) => {
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
      },
    });
    await journal(tx, {
      event: "facturation.avoir",
      actorKind: "AGENT",
      actorId: agentId,
      details: { facture: numero, avoir: avoir.numero },
    });
    return avoir;
  });
}
