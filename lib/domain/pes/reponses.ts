// The comptable's answers on the titles of a bordereau: « pris en charge », « rejeté » with its reason, « recouvré »
// with the amount and the day collected. A collected title is money for the family: a Paiement COMPTABLE_PUBLIC
// that pays that invoice first, then the family's oldest open invoices (appliquerCredits), with its reçu. A title
// whose invoice was debited (a debit presented in a run, its Paiement PRELEVEMENT not rejected) was already
// counted on the family's account at the run: the comptable's « recouvré » confirms it and adds no money twice.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { appliquerCredits, verrouillerComptes } from "@/lib/domain/paiement/compte";
import { emettreRecu } from "@/lib/domain/paiement/recu";
import { resteCentimes, SELECT_MONTANTS, verrouillerFactures } from "@/lib/domain/paiement/soldes";
import type { StatutTitre } from "@/lib/generated/prisma/client";
import { dateDeJour, jourParis, type Jour } from "@/lib/temps/jours";

export type Reponse =
  | { statut: "PRIS_EN_CHARGE" }
  | { statut: "REJETE"; motif: string }
  | { statut: "RECOUVRE"; montantCentimes: number; date: Jour };

export const LIBELLES_STATUT: Record<StatutTitre, string> = {
  EMIS: "Émis",
  PRIS_EN_CHARGE: "Pris en charge",
  REJETE: "Rejeté",
  RECOUVRE: "Recouvré",
};

// what the comptable may say after what: a rejected title may still be taken (the comptable reconsidered it)
const SUITES: Record<StatutTitre, StatutTitre[]> = {
  EMIS: ["PRIS_EN_CHARGE", "REJETE", "RECOUVRE"],
  PRIS_EN_CHARGE: ["REJETE", "RECOUVRE"],
  REJETE: ["PRIS_EN_CHARGE"],
  RECOUVRE: [],
};

type Titre = {
  id: string;
  statut: StatutTitre;
  numeroPiece: number;
  factureId: string | null;
  bordereau: { exer: number };
};

/** Why this answer cannot be recorded on this title, or null. */
export function refusReponse(titre: Titre, reponse: Reponse, now: Date): string | null {
  if (titre.statut === reponse.statut) return null;
  if (!SUITES[titre.statut].includes(reponse.statut)) {
    return `Ce titre est « ${LIBELLES_STATUT[titre.statut].toLowerCase()} » : il ne peut pas devenir « ${LIBELLES_STATUT[reponse.statut].toLowerCase()} ».`;
  }
  if (reponse.statut === "REJETE" && reponse.motif.trim() === "") return "Indiquez le motif du rejet.";
  if (reponse.statut === "RECOUVRE") {
    if (!titre.factureId) return "Un titre de réduction (avoir) n'est pas recouvré.";
    if (!Number.isSafeInteger(reponse.montantCentimes) || reponse.montantCentimes <= 0) {
      return "Indiquez le montant recouvré en euros, par exemple 48,45.";
    }
    if (reponse.date > jourParis(now)) return "La date du recouvrement ne peut pas être à venir.";
  }
  return null;
}

/** Records one answer inside the caller's transaction; false when the title already said it. */
export async function appliquerReponse(
  tx: Tx,
  titre: Titre,
  reponse: Reponse,
  { agentId, now }: { agentId: string; now: Date },
): Promise<boolean> {
  if (titre.statut === reponse.statut) return false;
  const refus = refusReponse(titre, reponse, now);
  if (refus) throw new AppError("reponse", refus);
  // the title's row is the answer's lock: two agents recording the same answer record it once
  const { count } = await tx.titrePes.updateMany({
    where: { id: titre.id, statut: titre.statut },
    data: { statut: reponse.statut, motifRejet: reponse.statut === "REJETE" ? reponse.motif.trim() : null, majLe: now },
  });
  if (count === 0) throw new AppError("concurrence", "Ce titre vient d'être modifié : rechargez la page.");
  let paiementId: string | null = null;
  if (reponse.statut === "RECOUVRE" && !(await dejaPreleve(tx, titre.factureId!))) {
    paiementId = await recouvrer(tx, titre, reponse, agentId, now);
  }
  await journal(tx, {
    event: "pes.reponse",
    actorKind: "AGENT",
    actorId: agentId,
    details: { titreId: titre.id, de: titre.statut, vers: reponse.statut, paiementId },
  });
  return true;
}

/** The invoice's debit presented in a run and not rejected: its money is on the account already. */
const dejaPreleve = async (tx: Tx, factureId: string) =>
  (await tx.prelevement.count({
    where: { factureId, statut: "PRESENTE", paiement: { rejeteLe: null } },
  })) > 0;

async function recouvrer(
  tx: Tx,
  titre: Titre,
  reponse: Extract<Reponse, { statut: "RECOUVRE" }>,
  agentId: string,
  now: Date,
): Promise<string> {
  const facture = await tx.facture.findUniqueOrThrow({
    where: { id: titre.factureId! },
    select: { id: true, familleId: true },
  });
  const paiement = await tx.paiement.create({
    data: {
      familleId: facture.familleId,
      montantCentimes: reponse.montantCentimes,
      mode: "COMPTABLE_PUBLIC",
      date: dateDeJour(reponse.date),
      // one collection per title: recording it twice is refused by (mode, reference)
      reference: `PES-${titre.bordereau.exer}-${titre.numeroPiece}`,
      parAgentId: agentId,
    },
  });
  // the account's lock before the invoice's, the order appliquerCredits takes them in
  await verrouillerComptes(tx, [facture.familleId]);
  await verrouillerFactures(tx, [facture.id]);
  const montants = await tx.facture.findUniqueOrThrow({ where: { id: facture.id }, select: SELECT_MONTANTS });
  const part = Math.min(reponse.montantCentimes, resteCentimes(montants));
  if (part > 0) {
    await tx.affectationPaiement.create({
      data: { paiementId: paiement.id, factureId: facture.id, montantCentimes: part },
    });
  }
  await appliquerCredits(tx, [facture.familleId]);
  await emettreRecu(tx, paiement.id, now);
  return paiement.id;
}

const TITRE = {
  id: true,
  statut: true,
  numeroPiece: true,
  factureId: true,
  bordereau: { select: { exer: true } },
} as const;

/** An agent's answer on one title, by hand. */
export async function marquerTitre({
  titreId,
  reponse,
  agentId,
  now,
}: {
  titreId: string;
  reponse: Reponse;
  agentId: string;
  now: Date;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const titre = await tx.titrePes.findUnique({ where: { id: titreId }, select: TITRE });
    if (!titre) throw new AppError("introuvable", "Ce titre est introuvable.");
    await appliquerReponse(tx, titre, reponse, { agentId, now });
  });
}

export const SELECT_TITRE = TITRE;

/** A title of the bordereau by its invoice's or avoir's number, or its IdPce; null when none has it. */
export const titreParNumero = (bordereauId: string, numero: string) =>
  db().titrePes.findFirst({
    where: {
      bordereauId,
      OR: [
        { facture: { numero } },
        { avoir: { numero } },
        ...(/^\d+$/.test(numero) ? [{ numeroPiece: Number(numero) }] : []),
      ],
    },
    select: { id: true },
  });
