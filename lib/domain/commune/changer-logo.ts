// Paramétrage: the commune's logo, shown in the site's header (checked by its bytes by the caller, served by
// /api/commune/logo). Storage is not transactional: the new file is written first and removed if the update
// fails; the old one is removed after the commit, once the commune points at the new one.
import { transaction } from "@/lib/effets";
import { journal } from "@/lib/journal";
import { getStorage } from "@/lib/storage/storage";
import { oublierCommune } from "@/lib/commune";

/** Puts a new logo in place (bytes already checked), or removes it when `bytes` is null. */
export async function changerLogo({ agentId, bytes }: { agentId: string; bytes: Uint8Array | null }): Promise<void> {
  const storage = getStorage();
  const nouvelle = bytes ? await storage.put(bytes) : null;
  try {
    await transaction(async (tx, effets) => {
      const { logoKey } = await tx.commune.findUniqueOrThrow({ where: { id: 1 }, select: { logoKey: true } });
      await tx.commune.update({ where: { id: 1 }, data: { logoKey: nouvelle } });
      await journal(tx, {
        event: nouvelle ? "commune.logo_change" : "commune.logo_retire",
        actorKind: "AGENT",
        actorId: agentId,
      });
      effets.apresCommit(oublierCommune);
      // the old file goes only once nothing points at it any more
      if (logoKey) effets.apresCommit(() => storage.remove(logoKey));
    });
  } catch (error) {
    if (nouvelle) await storage.remove(nouvelle);
    throw error;
  }
}
