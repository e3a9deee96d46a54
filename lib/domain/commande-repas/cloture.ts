// When a day's kitchen order is frozen: once the parents can no longer change it, the later of the activity's
// booking and cancelling cutoffs ("jamais" for cancelling leaves the booking cutoff alone). Null: no deadline is
// set, nothing to freeze.
import { limite, lireDelai } from "@/lib/domain/calendrier/delais";
import type { Jour } from "@/lib/temps/jours";

export function clotureCommande(
  activite: { delaiReservation: unknown; delaiAnnulation: unknown },
  service: Jour,
): Date | null {
  const limites = [lireDelai(activite.delaiReservation), lireDelai(activite.delaiAnnulation)]
    .map((delai) => (delai ? limite(delai, service) : null))
    .filter((instant): instant is Date => instant !== null);
  return limites.length === 0 ? null : new Date(Math.max(...limites.map((l) => l.getTime())));
}
