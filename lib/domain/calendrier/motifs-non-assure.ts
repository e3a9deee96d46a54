// Why a day of service did not run (« Service non assuré »: grève, sortie, fermeture), as the parents' calendar,
// the console and the families' mail word it. Part of the calendar: a day the service did not run is a closed day,
// which the reservations read without knowing who declared it (lib/domain/service-non-assure/).
import type { MotifNonAssure } from "@/lib/generated/prisma/enums";

export const MOTIFS_NON_ASSURE: Record<MotifNonAssure, { libelle: string; raison: string }> = {
  GREVE: { libelle: "Grève", raison: "en raison d'une grève" },
  SORTIE: { libelle: "Sortie", raison: "en raison d'une sortie" },
  FERMETURE: { libelle: "Fermeture", raison: "en raison d'une fermeture exceptionnelle" },
};
