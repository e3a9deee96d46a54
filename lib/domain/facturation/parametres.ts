// The commune's billing settings (régie, payment delay, D1611-1 threshold): one row, created with its defaults.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { lireEuros } from "@/lib/domain/facturation/argent";

export const parametresFacturation = () =>
  db().parametresFacturation.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });

export const parametresSchema = z.object({
  regie: z.string().trim().min(1, "Indiquez le nom de la régie.").max(200, "200 caractères au plus."),
  delaiPaiementJours: z.coerce
    .number({ error: "Indiquez un nombre de jours." })
    .int("Indiquez un nombre de jours.")
    .min(1, "Au moins 1 jour.")
    .max(90, "90 jours au plus."),
  seuilReport: z
    .string()
    .trim()
    .refine((t) => lireEuros(t) !== null, "Indiquez un montant en euros, 0 pour ne jamais reporter.")
    .refine((t) => (lireEuros(t)?.toNumber() ?? 0) <= 1500, "Le seuil légal est de 15 € au plus."),
  modesPaiement: z.string().trim().min(1, "Indiquez comment payer.").max(1000, "1 000 caractères au plus."),
});

export async function modifierParametres({
  agentId,
  data,
}: {
  agentId: string;
  data: z.infer<typeof parametresSchema>;
}) {
  const valeurs = {
    regie: data.regie,
    delaiPaiementJours: data.delaiPaiementJours,
    seuilReportCentimes: Math.round(lireEuros(data.seuilReport)!.toNumber()),
    modesPaiement: data.modesPaiement,
  };
  await db().$transaction(async (tx) => {
    await tx.parametresFacturation.upsert({ where: { id: 1 }, create: { id: 1, ...valeurs }, update: valeurs });
    await journal(tx, { event: "facturation.parametres", actorKind: "AGENT", actorId: agentId, details: valeurs });
  });
}
