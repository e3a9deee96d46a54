// What every démarche's wizard does the same way once step 1 is saved: find the parent's own demande still in
// their hands (a draft, or one sent back « à compléter »), and go back from the recap to step 1. Each
// aggregate keeps its own step 1 (lib/domain/<aggregate>/...); these serve the shared recap and cancel pages.
import { db } from "@/lib/db";
import type { Demande, StatutDemande } from "@/lib/generated/prisma/client";

/** The states in which the parent edits their demande. */
export const EDITABLES: StatutDemande[] = ["BROUILLON", "A_COMPLETER"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** This parent's demande, while they may still edit it; anyone else's (or any other state) is null. */
export async function demandeEditable(usagerId: string, demandeId: string): Promise<Demande | null> {
  if (!UUID.test(demandeId)) return null;
  return db().demande.findFirst({ where: { id: demandeId, usagerId, statut: { in: EDITABLES } } });
}

/** < RETOUR À L'ÉTAPE 1: the recap is left, nothing typed is lost. */
export async function revenirEtape1({ usagerId, demandeId }: { usagerId: string; demandeId: string }): Promise<void> {
  await db().demande.updateMany({
    where: { id: demandeId, usagerId, statut: { in: EDITABLES } },
    data: { etape: 1 },
  });
}
