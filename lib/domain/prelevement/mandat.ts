// The mandate's gate and what other parts read of a mandate. Every change of MandatSepa.statut goes through
// `changerStatutMandat` (the table in transitions.ts): one conditional UPDATE … WHERE statut = the state read,
// inside the caller's transaction, and one HistoriqueMandat row; a revoked or lapsed mandate's debits not yet
// presented (PREVU) are cancelled in the same transaction, whoever ended it. The debtor's IBAN is encrypted
// with the mandate's id as its context, so a value copied to another mandate does not decrypt.
import "server-only";
import { chiffrer, dechiffrer } from "@/lib/chiffrement";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { refusMandat, type ActeurMandat } from "@/lib/domain/prelevement/transitions";
import type { MandatSepa, StatutMandat } from "@/lib/generated/prisma/client";

const contexteIban = (mandatId: string) => `iban:${mandatId}`;

export const chiffrerIban = (mandatId: string, iban: string) => chiffrer(iban, contexteIban(mandatId));

/** The full IBAN of a version: for the mandate's PDF in the portal and the debit file, never a mail or a log. */
export const dechiffrerIban = (version: { mandatId: string; ibanChiffre: string }) =>
  dechiffrer(version.ibanChiffre, contexteIban(version.mandatId));

export const mandatIntrouvable = () => new AppError("introuvable", "Ce mandat est introuvable.");

/** The first row of a mandate's history: its signature (no state before it). */
export async function historiqueSignature(
  tx: Tx,
  { mandatId, usagerId, now }: { mandatId: string; usagerId: string; now: Date },
) {
  await tx.historiqueMandat.create({
    data: {
      mandatId,
      de: null,
      vers: "ACTIF",
      motif: "Signature du mandat",
      acteur: "USAGER",
      acteurId: usagerId,
      creeLe: now,
    },
  });
}

export async function changerStatutMandat(
  tx: Tx,
  {
    mandatId,
    vers,
    motif,
    acteur,
    acteurId = null,
    now,
  }: {
    mandatId: string;
    vers: StatutMandat;
    motif: string;
    acteur: ActeurMandat;
    acteurId?: string | null;
    now: Date;
  },
): Promise<MandatSepa> {
  const avant = await tx.mandatSepa.findUnique({ where: { id: mandatId } });
  if (!avant) throw mandatIntrouvable();
  const refus = refusMandat(avant.statut, vers, acteur, motif);
  if (refus) throw new AppError(refus.code, refus.message, refus.code === "motif" ? "motif" : undefined);
  const { count } = await tx.mandatSepa.updateMany({
    where: { id: mandatId, statut: avant.statut },
    data: {
      statut: vers,
      ...(vers === "REVOQUE" ? { revoqueLe: now } : {}),
      // a reactivated mandate starts its count of rejects in a row again
      ...(vers === "ACTIF" ? { rejetsConsecutifs: 0 } : {}),
    },
  });
  if (count === 0) {
    const actuel = await tx.mandatSepa.findUniqueOrThrow({ where: { id: mandatId }, select: { statut: true } });
    throw new AppError("etat", refusMandat(actuel.statut, vers, acteur, motif)?.message ?? "Ce mandat a changé.");
  }
  await tx.historiqueMandat.create({
    data: { mandatId, de: avant.statut, vers, motif: motif.trim(), acteur, acteurId, creeLe: now },
  });
  if (vers === "REVOQUE" || vers === "CADUC") {
    await tx.prelevement.updateMany({ where: { mandatId, statut: "PREVU" }, data: { statut: "ANNULE" } });
  }
  return tx.mandatSepa.findUniqueOrThrow({ where: { id: mandatId } });
}

/** The family's active mandate with its current version (the highest number), or null. */
export async function mandatActif(familleId: string, client: Tx = db() as unknown as Tx) {
  return client.mandatSepa.findFirst({
    where: { familleId, statut: "ACTIF" },
    include: { versions: { orderBy: { numero: "desc" }, take: 1 } },
  });
}
