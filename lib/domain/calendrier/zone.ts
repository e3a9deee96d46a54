// The commune's school zone, read by the commands of the school calendar (in their transaction) and by the pages.
import type { Tx } from "@/lib/db";
import { zoneDuJeu, type ZoneScolaire } from "@/lib/domain/calendrier/zones";
import { getCommune } from "@/lib/commune";

/**
 * The commune's school zone (Commune.zoneScolaire, "Zone A" by default: Villefranque, académie de Bordeaux).
 * A command reads it in its transaction (`client`); the pages (the month view, the paramétrage) read the
 * commune every page already reads, kept 30 s per node and forgotten on this node when the zone changes
 * (modifierZone), instead of one more query per display.
 */
export async function zoneDeLaCommune(client?: Tx): Promise<ZoneScolaire> {
  const zone = client
    ? (await client.commune.findUnique({ where: { id: 1 }, select: { zoneScolaire: true } }))?.zoneScolaire
    : (await getCommune()).zoneScolaire;
  return zoneDuJeu(zone ?? "Zone A") ?? "Zone A";
}
