// The parent withdraws a deposited demande before the agents take it up; a draft is simply discarded (it
// was never sent, and the children's data it holds has no reason to stay).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { demandeIntrouvable, franchir } from "@/lib/domain/demande/transition";

export async function annulerDemande({ usagerId, demandeId }: { usagerId: string; demandeId: string }): Promise<void> {
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
    await franchir(tx, { demandeId, transition: "annuler", acteur: { kind: "USAGER", usagerId } });
    await journal(tx, {
      event: "demande.annuler",
      actorKind: "USAGER",
      actorId: usagerId,
      details: { numero: demande.numero },
    });
  });
}
