// « Modifier l'IBAN »: an amendment. The mandate keeps its RUM; the new account is a new signed version (the same
// signing rules as the first: password re-entered or a fresh FranceConnect sign-in), mailed with its PDF. A
// mandate suspended after rejects becomes active again with a new account (the table's « reactiver »).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changerStatutMandat } from "@/lib/domain/prelevement/mandat";
import {
  ecrireVersion,
  parametresOuverts,
  verifierSignature,
  type Signature,
} from "@/lib/domain/prelevement/signer-mandat";

export async function modifierIbanMandat(s: Signature & { rum: string }): Promise<{ rum: string; numero: number }> {
  const { iban, methode } = await verifierSignature(s);
  return db().$transaction(async (tx) => {
    await parametresOuverts(tx);
    const mandat = await tx.mandatSepa.findFirst({
      where: { rum: s.rum, famille: { representants: { some: { usagerId: s.usagerId } } } },
      include: { versions: { orderBy: { numero: "desc" }, take: 1, select: { numero: true } } },
    });
    if (!mandat) throw new AppError("introuvable", "Ce mandat est introuvable.");
    // the mandate's row, locked: two amendments at once get versions n+1 and n+2, not the same number
    await tx.$queryRaw`SELECT id FROM "MandatSepa" WHERE id = ${mandat.id} FOR UPDATE`;
    const numero = (mandat.versions[0]?.numero ?? 0) + 1;
    if (mandat.statut === "SUSPENDU") {
      await changerStatutMandat(tx, {
        mandatId: mandat.id,
        vers: "ACTIF",
        motif: `Nouvel IBAN (version ${numero})`,
        acteur: "USAGER",
        acteurId: s.usagerId,
        now: s.now,
      });
    } else if (mandat.statut !== "ACTIF") {
      throw new AppError("etat", "Ce mandat n'est plus en vigueur : signez-en un nouveau.");
    } else {
      // not a change of state, but a line of the mandate's history all the same
      await tx.historiqueMandat.create({
        data: {
          mandatId: mandat.id,
          de: "ACTIF",
          vers: "ACTIF",
          motif: `Nouvel IBAN (version ${numero})`,
          acteur: "USAGER",
          acteurId: s.usagerId,
          creeLe: s.now,
        },
      });
    }
    await ecrireVersion(tx, { ...s, mandatId: mandat.id, familleId: mandat.familleId, numero, iban, methode });
    return { rum: mandat.rum, numero };
  });
}
