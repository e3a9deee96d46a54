// Paying an invoice online through PayFiP, idempotent under notifications that come twice, late, at the same
// time, or never:
// - one live attempt per invoice: an OperationPayfip row holds the invoice's id in its unique `enCours` column
//   while it is EN_COURS, so two « Payer » clicks at once insert one. « Payer en ligne » again (the payer left
//   PayFiP's page: back button, the bank's app, a killed tab) never waits: it asks PayFiP about the earlier
//   attempt first; paid, the invoice is shown paid; otherwise the earlier attempt is closed ABANDONNEE and a new
//   one starts. PayFiP's page of the earlier attempt may still be open in another tab: such an attempt closed
//   without PayFiP's word (resultrans null) is asked about again for an hour (notification, return page,
//   catch-up job), and paid there it makes its Paiement too: paid twice, the second becomes the family's credit
//   (lib/domain/paiement/compte.ts), never lost;
// - the result is never read from the notification (it carries the idop only, unsigned): `constaterOperation`
//   always asks recupererDetailPaiementSecurise, then closes the operation with one conditional update
//   (WHERE statut = EN_COURS, as lib/domain/demande/transition.ts does): of five notifications at once, one
//   closes it and creates the Paiement, the four others change nothing; a notification after that asks nothing;
// - `rattraperOperations` (the catch-up job, every 2 minutes: lib/jobs/taches.ts) asks about every open operation.
// The clock is a parameter everywhere. Nothing about the card is stored (PayFiP's answer has none).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import {
  creerPaiementSecurise,
  recupererDetailPaiementSecurise,
  urlPagePaiement,
  type DetailPaiement,
  type ReglagesPayfip,
} from "@/lib/payfip/client";
import { appliquerCredits, verrouillerComptes } from "@/lib/domain/paiement/compte";
import { emettreRecu } from "@/lib/domain/paiement/recu";
import { resteCentimes, SELECT_MONTANTS } from "@/lib/domain/paiement/soldes";
import { factureDuUsager } from "@/lib/domain/paiement/queries";
import type { OperationPayfip, StatutOperationPayfip } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** PayFiP's page lives 15 minutes; an attempt without a result is "en cours" for 20, then expired. */
export const VIE_OPERATION_MS = 20 * 60 * 1000;
/** How long an attempt closed by a newer one without PayFiP's word is still asked about. */
const RELECTURE_MS = 60 * 60 * 1000;
/** An attempt whose creerPaiementSecurise never answered (a crash between the insert and the call). */
const SANS_IDOP_MS = 2 * 60 * 1000;
/** PayFiP refuses less than 1 €. */
export const MINIMUM_EN_LIGNE = 100;

/** Two « Payer en ligne » at the same instant (a double click, two tabs): the second one is told. */
export const paiementEnCours = () =>
  new AppError(
    "en_cours",
    "Un paiement en ligne de cette facture vient de s'ouvrir dans une autre fenêtre : terminez-le, ou cliquez de nouveau sur « Payer en ligne ».",
  );

/**
 * Opens an attempt for the caller's invoice and returns PayFiP's page to send them to, or, when the earlier
 * attempt turns out paid, the return page that says so (`payee`). `urls`: where PayFiP notifies and where it
 * sends the payer back (absolute).
 */
export async function payerEnLigne({
  usagerId,
  numero,
  now,
  reglages,
  urls,
}: {
  usagerId: string;
  numero: string;
  now: Date;
  /** undefined: the commune has not configured PayFiP (checked after the invoice, which is the caller's or absent) */
  reglages: ReglagesPayfip | undefined;
  urls: { notification: string; retour: string };
}): Promise<{ url: string; payee?: true }> {
  const facture = await factureDuUsager(usagerId, numero);
  if (!facture) throw new AppError("introuvable", "Cette facture est introuvable.");
  if (!reglages) throw new AppError("indisponible", "Le paiement en ligne n'est pas proposé par la commune.");

  const precedente = await db().operationPayfip.findUnique({ where: { enCours: facture.id } });
  if (precedente && (await remplacer(precedente, now, reglages)) === "payee") {
    const retour = new URL(urls.retour);
    retour.searchParams.set("idop", precedente.idOp!);
    return { url: retour.toString(), payee: true };
  }

  const montant = resteCentimes(
    await db().facture.findUniqueOrThrow({ where: { id: facture.id }, select: SELECT_MONTANTS }),
  );
  if (montant === 0) throw new AppError("payee", "Cette facture n'a plus rien à payer.");
  if (montant < MINIMUM_EN_LIGNE) {
    throw new AppError("minimum", "Un paiement en ligne doit être d'au moins 1 € : réglez cette somme à la régie.");
  }
  const usager = await db().usager.findUniqueOrThrow({ where: { id: usagerId }, select: { courriel: true } });

  let operation: OperationPayfip;
  try {
    operation = await db().operationPayfip.create({
      data: {
        factureId: facture.id,
        familleId: facture.familleId,
        usagerId,
        montantCentimes: montant,
        enCours: facture.id,
        creeLe: now,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw paiementEnCours();
    throw error;
  }

  let idOp: string;
  try {
    idOp = await creerPaiementSecurise(reglages, {
      exer: facture.annee,
      mel: usager.courriel,
      montant,
      objet: `Facture ${facture.numero}`,
      refdet: facture.numero,
      urlnotif: urls.notification,
      urlredirect: urls.retour,
    });
  } catch (error) {
    await fermer(operation.id, "ECHEC", now);
    log.warn(
      {
        evenement: "payfip.creation.echec",
        operationId: operation.id,
        cause: error instanceof Error ? error.message : "",
      },
      "ouverture d'un paiement PayFiP échouée",
    );
    throw new AppError(
      "indisponible",
      "Le service de paiement en ligne ne répond pas. Réessayez dans quelques minutes, ou payez à la régie.",
    );
  }
  await db().operationPayfip.update({ where: { id: operation.id }, data: { idOp } });
  return { url: urlPagePaiement(reglages, idOp) };
}

/**
 * The earlier live attempt, before a new one: PayFiP is asked for its result whatever its age. Paid: said so,
 * nothing opens. Otherwise it is closed ABANDONNEE (refused or expired already closed it), and the new attempt
 * may start. An attempt still opening at PayFiP (no idOp yet, a click of the same instant) is left to finish.
 */
async function remplacer(
  operation: OperationPayfip,
  now: Date,
  reglages: Pick<ReglagesPayfip, "url">,
): Promise<"payee" | "fermee"> {
  if (!operation.idOp && now.getTime() - operation.creeLe.getTime() <= SANS_IDOP_MS) throw paiementEnCours();
  const apres = (await constaterOperation({ operation, now, reglages })) ?? operation;
  if (apres.statut === "EN_COURS") await fermer(operation.id, apres.idOp ? "ABANDONNEE" : "ECHEC", now);
  const finale = await db().operationPayfip.findUniqueOrThrow({ where: { id: operation.id } });
  return finale.statut === "PAYEE" ? "payee" : "fermee";
}

/** Closes an open operation with a state other than PAYEE; false when someone else closed it first. */
async function fermer(
  id: string,
  statut: Exclude<StatutOperationPayfip, "EN_COURS" | "PAYEE">,
  now: Date,
  resultrans?: string,
): Promise<boolean> {
  const { count } = await db().operationPayfip.updateMany({
    where: { id, statut: "EN_COURS" },
    data: { statut, enCours: null, termineeLe: now, ...(resultrans ? { resultrans } : {}) },
  });
  return count === 1;
}

/** An attempt closed by a newer one before PayFiP gave its result: its page may still be paid, for a while. */
const aRelire = (operation: OperationPayfip, now: Date) =>
  operation.statut === "ABANDONNEE" &&
  operation.resultrans === null &&
  operation.idOp !== null &&
  now.getTime() - operation.creeLe.getTime() <= RELECTURE_MS;

/**
 * What PayFiP says of an operation, applied once. An operation already closed is returned as it is, without
 * asking PayFiP again (a late or repeated notification changes nothing), except one closed by a newer attempt
 * without PayFiP's word (aRelire). A PayFiP that does not answer leaves it open for the next notification or
 * the catch-up job.
 */
export async function constaterOperation({
  idOp,
  operation: donnee,
  now,
  reglages,
}: {
  idOp?: string;
  operation?: OperationPayfip;
  now: Date;
  reglages: Pick<ReglagesPayfip, "url">;
}): Promise<OperationPayfip | null> {
  const operation = donnee ?? (idOp ? await db().operationPayfip.findUnique({ where: { idOp } }) : null);
  if (!operation || (operation.statut !== "EN_COURS" && !aRelire(operation, now))) return operation;
  const age = now.getTime() - operation.creeLe.getTime();
  if (!operation.idOp) {
    if (age > SANS_IDOP_MS) await fermer(operation.id, "ECHEC", now);
    return db().operationPayfip.findUnique({ where: { id: operation.id } });
  }

  let detail: DetailPaiement;
  try {
    detail = await recupererDetailPaiementSecurise(reglages, operation.idOp);
  } catch (error) {
    log.warn(
      {
        evenement: "payfip.detail.echec",
        operationId: operation.id,
        cause: error instanceof Error ? error.message : "",
      },
      "lecture d'un paiement PayFiP échouée",
    );
    return operation;
  }

  if (operation.statut !== "EN_COURS") {
    // closed by a newer attempt: a payment is recorded, any other final word is kept (asked no more)
    if (detail.etat === "resultat" && (detail.resultrans === "P" || detail.resultrans === "V")) {
      await enregistrerPaye(operation, detail, now);
    } else if (detail.etat === "resultat") {
      await db().operationPayfip.updateMany({
        where: { id: operation.id, statut: "ABANDONNEE", resultrans: null },
        data: { resultrans: detail.resultrans },
      });
    }
  } else if (detail.etat !== "resultat") {
    // P5 (the payer is still on the page) or P1 (unknown, purged): open while young, expired afterwards.
    if (age > VIE_OPERATION_MS) await fermer(operation.id, "EXPIREE", now);
  } else if (detail.resultrans === "P" || detail.resultrans === "V") {
    await enregistrerPaye(operation, detail, now);
  } else if (detail.resultrans === "R" || detail.resultrans === "Z") {
    await fermer(operation.id, "REFUSEE", now, detail.resultrans);
  } else if (age > VIE_OPERATION_MS) {
    await fermer(operation.id, "ABANDONNEE", now, detail.resultrans);
  } else {
    // A: abandoned, counted as "en cours" while young (docs/faits/payfip.md)
    await db().operationPayfip.updateMany({
      where: { id: operation.id, statut: "EN_COURS" },
      data: { resultrans: "A" },
    });
  }
  return db().operationPayfip.findUnique({ where: { id: operation.id } });
}

/**
 * A paid result: the operation closed and one Paiement (CB through PayFiP), allocated to its invoice first, the
 * rest (paid twice: another tab, a cheque meanwhile) to the family's oldest open invoices or kept as credit.
 */
async function enregistrerPaye(
  operation: OperationPayfip,
  detail: Extract<DetailPaiement, { etat: "resultat" }>,
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.operationPayfip.updateMany({
      where: {
        id: operation.id,
        OR: [{ statut: "EN_COURS" }, { statut: "ABANDONNEE", resultrans: null, paiementId: null }],
      },
      data: {
        statut: "PAYEE",
        enCours: null,
        termineeLe: now,
        resultrans: detail.resultrans,
        numauto: detail.numauto,
      },
    });
    if (count === 0) return; // closed by a notification that came at the same time
    const paiement = await tx.paiement.create({
      data: {
        familleId: operation.familleId,
        montantCentimes: detail.montant,
        mode: "CB_PAYFIP",
        date: dateTransaction(detail.dattrans) ?? now,
        reference: detail.idOp,
      },
    });
    // the account's lock first (appliquerCredits takes it too): the invoice's reste is read alone
    await verrouillerComptes(tx, [operation.familleId]);
    const facture = await tx.facture.findUniqueOrThrow({
      where: { id: operation.factureId },
      select: SELECT_MONTANTS,
    });
    const part = Math.min(detail.montant, resteCentimes(facture));
    if (part > 0) {
      await tx.affectationPaiement.create({
        data: { paiementId: paiement.id, factureId: operation.factureId, montantCentimes: part },
      });
    }
    await appliquerCredits(tx, [operation.familleId]);
    await tx.operationPayfip.update({ where: { id: operation.id }, data: { paiementId: paiement.id } });
    await emettreRecu(tx, paiement.id, now);
  });
}

/** PayFiP's dattrans (DDMMYYYY, Paris) as the @db.Date day. */
function dateTransaction(dattrans: string | null): Date | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(dattrans ?? "");
  return m ? new Date(`${m[3]}-${m[2]}-${m[1]}T00:00:00Z`) : null;
}

/**
 * The catch-up job: asks PayFiP about every open operation (a notification that never came, a payer who
 * closed the tab), and about the attempts closed by a newer one within the hour (aRelire). Any node may run it at any time: each closing is a conditional update.
 */
export async function rattraperOperations({
  now,
  reglages,
}: {
  now: Date;
  reglages: Pick<ReglagesPayfip, "url">;
}): Promise<{ examinees: number; fermees: number }> {
  const ouvertes = await db().operationPayfip.findMany({
    where: {
      OR: [
        { statut: "EN_COURS", creeLe: { lte: now } },
        {
          statut: "ABANDONNEE",
          resultrans: null,
          idOp: { not: null },
          creeLe: { gte: new Date(now.getTime() - RELECTURE_MS), lte: now },
        },
      ],
    },
    orderBy: { creeLe: "asc" },
    take: 200,
  });
  let fermees = 0;
  for (const operation of ouvertes) {
    const apres = await constaterOperation({ operation, now, reglages });
    if (apres && apres.statut !== operation.statut) fermees++;
  }
  return { examinees: ouvertes.length, fermees };
}
