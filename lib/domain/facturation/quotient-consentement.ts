// The family's consent to its QF being read from the CAF or the MSA (API Particulier): given or withdrawn by one
// of its parents, from the family's own space only. Recorded with when and by whom (Famille.consentementQfLe,
// consentementQfParId); withdrawn, both are null again and no call is made any more (lib/domain/facturation/
// quotient-caf.ts refuses before calling). The QF already read stays: it is the family's QF until the next one.
import "server-only";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";

/** Gives (true) or withdraws (false) the consent of the caller's family; null when the space has no family. */
export async function consentirQuotientCaf({
  usagerId,
  consentement,
  now,
}: {
  usagerId: string;
  consentement: boolean;
  now: Date;
}): Promise<{ familleId: string } | null> {
  return db().$transaction(async (tx) => {
    const representant = await tx.representant.findFirst({ where: { usagerId }, select: { familleId: true } });
    if (!representant) return null;
    const { familleId } = representant;
    await tx.famille.update({
      where: { id: familleId },
      data: consentement
        ? { consentementQfLe: now, consentementQfParId: usagerId }
        : { consentementQfLe: null, consentementQfParId: null },
    });
    await journal(tx, {
      event: consentement ? "facturation.quotient_consentement" : "facturation.quotient_consentement_retire",
      actorKind: "USAGER",
      actorId: usagerId,
      details: { famille: familleId },
    });
    return { familleId };
  });
}
