import { transaction } from "@/lib/effets";
import { AppError } from "@/lib/errors";
import { journaliser } from "@/lib/domain/calendrier/journaliser";
import { zoneDeLaCommune } from "@/lib/domain/calendrier/zone";
import type { ZoneScolaire } from "@/lib/domain/calendrier/zones";
import { oublierCommune } from "@/lib/commune";

/**
 * The commune's school zone, by an administrator (checked here too, not only by the server action: it changes
 * every family's calendar). Saved opening days are not rewritten: the administrator regenerates them (with the
 * preview) as after any other change. Journaled with the zone before and after; unchanged, nothing is.
 */
export async function modifierZone({
  zone,
  agentId,
}: {
  zone: ZoneScolaire;
  agentId: string;
}): Promise<{ modifiee: boolean }> {
  const modifiee = await transaction(async (tx, effets) => {
    const auteur = await tx.agent.findUnique({ where: { id: agentId }, select: { role: true } });
    if (auteur?.role !== "ADMIN") {
      throw new AppError("interdit", "Seul un administrateur peut changer la zone de vacances scolaires.");
    }
    const avant = await zoneDeLaCommune(tx);
    if (avant === zone) return false;
    await tx.commune.update({ where: { id: 1 }, data: { zoneScolaire: zone } });
    await journaliser(tx, agentId, "reservations.zone", { avant, apres: zone });
    effets.apresCommit(oublierCommune);
    return true;
  });
  return { modifiee };
}
