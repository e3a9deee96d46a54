// The console's payment forms, shared by the page and its action.
import { z } from "zod";
import { MODES_GUICHET } from "@/lib/domain/paiement/modes";

/** "12,50" / "12.5" / "12" → 1250 cents; null when it is not an amount in euros with at most 2 decimals. */
export function lireCentimes(saisie: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*€?\s*$/.exec(saisie);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

const montant = z
  .string()
  .trim()
  .transform((texte, ctx) => {
    const centimes = lireCentimes(texte);
    if (centimes === null || centimes <= 0) {
      ctx.addIssue({ code: "custom", message: "Indiquez un montant en euros, par exemple 42,50." });
      return z.NEVER;
    }
    return centimes;
  });

/**
 * A payment at the régie: for the family or the invoice the form was opened from (`famille`, `facture`, hidden),
 * or else for the clé enfance typed. A cheque carries its number.
 */
export const paiementGuichetSchema = z
  .object({
    famille: z.uuid().optional(),
    facture: z.string().trim().max(40).optional(),
    cleEnfance: z.string().trim().optional(),
    mode: z.enum(Object.keys(MODES_GUICHET) as [keyof typeof MODES_GUICHET], {
      message: "Choisissez le mode de paiement.",
    }),
    montant,
    date: z.iso.date({ message: "Indiquez la date de réception (JJ/MM/AAAA)." }),
    reference: z.string().trim().max(80, "80 caractères au plus.").optional(),
  })
  .superRefine((paiement, ctx) => {
    if (!paiement.famille && !paiement.facture && !paiement.cleEnfance) {
      ctx.addIssue({ code: "custom", path: ["cleEnfance"], message: "Indiquez la clé enfance de la famille." });
    }
    if (paiement.mode === "CHEQUE" && !paiement.reference) {
      ctx.addIssue({ code: "custom", path: ["reference"], message: "Indiquez le numéro du chèque." });
    }
  });
