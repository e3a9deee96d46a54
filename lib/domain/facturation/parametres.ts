// The commune's billing settings (régie, payment delay, D1611-1 threshold, the régie's IBAN/BIC printed for a
// virement, the simulation's alert threshold): one row, created with its defaults.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { lireEuros } from "@/lib/argent/argent";
import { erreurBic, erreurIban, normaliserBic, normaliserIban } from "@/lib/argent/iban";

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
  // empty: no virement offered on the invoice
  iban: z
    .string()
    .trim()
    .max(50, "50 caractères au plus.")
    .superRefine((t, ctx) => {
      const erreur = t === "" ? null : erreurIban(t);
      if (erreur) ctx.addIssue({ code: "custom", message: erreur });
    })
    .transform((t) => normaliserIban(t)),
  bic: z
    .string()
    .trim()
    .max(20, "20 caractères au plus.")
    .superRefine((t, ctx) => {
      const erreur = t === "" ? null : erreurBic(t);
      if (erreur) ctx.addIssue({ code: "custom", message: erreur });
    })
    .transform((t) => normaliserBic(t)),
  seuilAlerte: z
    .string()
    .trim()
    .refine((t) => (lireEuros(t)?.toNumber() ?? 0) > 0, "Indiquez un montant en euros, par exemple 300.")
    .refine((t) => (lireEuros(t)?.toNumber() ?? 0) <= 100_000_000, "1 000 000 € au plus."),
});

export async function modifierParametres({
  agentId,
  data,
}: {
  agentId: string;
  data: z.output<typeof parametresSchema>;
}) {
  const valeurs = {
    regie: data.regie,
    delaiPaiementJours: data.delaiPaiementJours,
    seuilReportCentimes: Math.round(lireEuros(data.seuilReport)!.toNumber()),
    modesPaiement: data.modesPaiement,
    iban: data.iban,
    bic: data.bic,
    seuilAlerteCentimes: Math.round(lireEuros(data.seuilAlerte)!.toNumber()),
  };
  await db().$transaction(async (tx) => {
    await tx.parametresFacturation.upsert({ where: { id: 1 }, create: { id: 1, ...valeurs }, update: valeurs });
    // the régie's account (printed on every invoice, not a family's) is journaled in full: who changed where
    // the families' money goes is the first thing an audit asks
    await journal(tx, { event: "facturation.parametres", actorKind: "AGENT", actorId: agentId, details: valeurs });
  });
}
