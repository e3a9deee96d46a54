// The payment modes as the régie, the reçu, the invoice and the family account name them: one table, so a
// parent's reçu, the console's list and the régisseur's CSV say the same words.
import type { ModePaiement } from "@/lib/generated/prisma/enums";

/** What an agent records at the régie's desk. */
export const MODES_GUICHET = { CHEQUE: "Chèque", ESPECES: "Espèces", CESU: "CESU", VIREMENT: "Virement" } as const;

export const LIBELLES_MODE: Record<ModePaiement, string> = {
  CB_PAYFIP: "Carte bancaire en ligne (PayFiP)",
  ...MODES_GUICHET,
  PRELEVEMENT: "Prélèvement automatique",
  COMPTABLE_PUBLIC: "Encaissé par le comptable public",
};

export const modeEnClair = (mode: ModePaiement): string => LIBELLES_MODE[mode];
