// The parent withdraws a deposited demande before the agents take it up; a draft is simply discarded (it
// was never sent, and the children's data it holds has no reason to stay).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { demandeIntrouvable, franchir } from "@/lib/domain/demande/transition";
import type { Demarches } from "@/lib/domain/demande/demarche";

export async function annulerDemande({
  usagerId,
  demandeId,
  demarches,
}: {
  usagerId: string;
  demandeId: string;
  /** the registry (lib/domain/demarches.ts): what withdrawing the demande's type undoes */
  demarches?: Demarches;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const demande = await tx.demande.findFirst({
      where: { id: demandeId, usagerId },
      select: { statut: true, numero: true },
    });
    if (!demande) throw demandeIntrouvable();
    if (demande.statut === "BROUILLON") {
      await tx.demande.deleteMany({ where: { id: demandeId, usagerId, statut: "BROUILLON" } });
      await journal(tx, { event: "demande.brouillon_abandonne", actorKind: "USAGER", actorId: usagerId });
      return;
    }
    const { apres } = await franchir(tx, { demandeId, transition: "annuler", acteur: { kind: "USAGER", usagerId } });
    await demarches?.[apres.type].annuler?.(tx, apres);
    await journal(tx, {
      event: "demande.annuler",
      actorKind: "USAGER",
      actorId: usagerId,
      details: { numero: demande.numero },
    });
  });
}
