// A debit the bank returned (rejet, retour): entered by hand or read from the bank's CSV (rejet-import.ts). In one
// transaction: the debit REJETE with its code and reason in French, its payment marked rejected (it no longer
// counts anywhere) and its allocations removed, so the invoice is « à payer » again, the family's mail with the
// reason and the invoice's page to pay it online, and the mandate's rejects in a row: at the settings' number it
// is suspended through the mandate's gate.
import "server-only";
import { createElement } from "react";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { euros } from "@/lib/argent/argent";
import { dateFr } from "@/lib/temps/periode";
import { verrouillerComptes } from "@/lib/domain/paiement/compte";
import { CODE_REJET, motifDeRejet } from "@/lib/domain/prelevement/codes-rejet";
import { changerStatutMandat } from "@/lib/domain/prelevement/mandat";
import { dateDeJour, estJour, jourParis } from "@/lib/temps/jours";
import PrelevementRejete, { prelevementRejeteSubject } from "@/emails/PrelevementRejete";

/** Which debit: its EndToEndId, or a mandate's RUM (its last debit presented). */
export async function trouverPrelevement(client: Pick<Tx, "prelevement">, reference: string) {
  const ref = reference.trim();
  const parId = await client.prelevement.findUnique({ where: { endToEndId: ref }, select: { id: true, statut: true } });
  if (parId) return parId;
  return client.prelevement.findFirst({
    where: { mandat: { rum: ref }, statut: { in: ["PRESENTE", "REJETE"] } },
    orderBy: [{ datePrelevement: "desc" }, { creeLe: "desc" }],
    select: { id: true, statut: true },
  });
}

/** The mandate's rejects in a row, this one included: its debits presented before it, newest first, until one went through. */
async function rejetsDeSuite(tx: Tx, mandatId: string, prelevement: { id: string; datePrelevement: Date }) {
  const precedents = await tx.prelevement.findMany({
    where: {
      mandatId,
      id: { not: prelevement.id },
      statut: { in: ["PRESENTE", "REJETE"] },
      datePrelevement: { lte: prelevement.datePrelevement },
    },
    orderBy: [{ datePrelevement: "desc" }, { creeLe: "desc" }],
    select: { statut: true },
  });
  const premierPasse = precedents.findIndex((p) => p.statut === "PRESENTE");
  return 1 + (premierPasse === -1 ? precedents.length : premierPasse);
}

export async function rejeterPrelevement({
  agentId,
  reference,
  code: saisie,
  date,
  now,
}: {
  agentId: string;
  /** EndToEndId or RUM */
  reference: string;
  code: string;
  /** the day the bank returned it, YYYY-MM-DD (default: today) */
  date?: string;
  now: Date;
}): Promise<{ prelevementId: string; suspendu: boolean }> {
  const code = saisie.trim().toUpperCase();
  if (!CODE_REJET.test(code))
    throw new AppError("code", "Un code de rejet compte 4 caractères, par exemple AM04.", "code");
  const jour = date?.trim() || jourParis(now);
  if (!estJour(jour)) throw new AppError("date", "Indiquez la date du rejet, par exemple 12/12/2026.", "date");
  if (jour > jourParis(now)) throw new AppError("date", "La date du rejet ne peut pas être à venir.", "date");
  return db().$transaction(async (tx) => {
    const trouve = await trouverPrelevement(tx, reference);
    if (!trouve) throw new AppError("reference", "Aucun prélèvement présenté n'a cette référence.", "reference");
    if (trouve.statut === "REJETE") throw new AppError("reference", "Ce prélèvement est déjà rejeté.", "reference");
    if (trouve.statut !== "PRESENTE") {
      throw new AppError("reference", "Ce prélèvement n'a pas été présenté à la banque.", "reference");
    }
    const p = await tx.prelevement.findUniqueOrThrow({
      where: { id: trouve.id },
      include: { facture: { select: { numero: true } }, mandat: true },
    });
    await verrouillerComptes(tx, [p.familleId]);
    const motif = motifDeRejet(code);
    const rejeteLe = dateDeJour(jour);
    // only a debit still PRESENTE moves: two agents entering the same reject, one wins
    const { count } = await tx.prelevement.updateMany({
      where: { id: p.id, statut: "PRESENTE" },
      data: { statut: "REJETE", codeRejet: code, motifRejet: motif, rejeteLe },
    });
    if (count === 0) throw new AppError("reference", "Ce prélèvement est déjà rejeté.", "reference");
    if (p.paiementId) {
      await tx.paiement.update({ where: { id: p.paiementId }, data: { rejeteLe } });
      await tx.affectationPaiement.deleteMany({ where: { paiementId: p.paiementId } });
    }
    const rejets = await rejetsDeSuite(tx, p.mandatId, p);
    await tx.mandatSepa.update({ where: { id: p.mandatId }, data: { rejetsConsecutifs: rejets } });
    const { rejetsAvantSuspension } = await tx.parametresPrelevement.upsert({
      where: { id: 1 },
      create: { id: 1 },
      update: {},
    });
    const suspendu = p.mandat.statut === "ACTIF" && rejets >= rejetsAvantSuspension;
    if (suspendu) {
      await changerStatutMandat(tx, {
        mandatId: p.mandatId,
        vers: "SUSPENDU",
        motif: `${rejets} prélèvements rejetés de suite (dernier : ${code})`,
        acteur: "ADMIN",
        acteurId: agentId,
        now,
      });
    }
    await prevenirFamille(tx, { ...p, numero: p.facture.numero, motif, suspendu });
    await journal(tx, {
      event: "prelevement.rejete",
      actorKind: "AGENT",
      actorId: agentId,
      details: { prelevementId: p.id, familleId: p.familleId, code, rejets, suspendu },
    });
    return { prelevementId: p.id, suspendu };
  });
}

async function prevenirFamille(
  tx: Tx,
  p: {
    familleId: string;
    numero: string;
    montantCentimes: number;
    datePrelevement: Date;
    motif: string;
    suspendu: boolean;
  },
) {
  const [commune, representants] = await Promise.all([
    tx.commune.findUniqueOrThrow({ where: { id: 1 }, select: { nom: true } }),
    tx.representant.findMany({
      where: { familleId: p.familleId, usagerId: { not: null } },
      select: { usager: { select: { courriel: true, civilite: true, nomUsage: true } } },
      orderBy: { role: "asc" },
    }),
  ]);
  for (const { usager } of representants) {
    if (!usager) continue;
    const element = createElement(PrelevementRejete, {
      commune: commune.nom,
      salutation: salutation(usager),
      numero: p.numero,
      montant: euros(p.montantCentimes),
      date: dateFr(p.datePrelevement),
      motif: p.motif,
      lien: `${config.appUrl}/factures/${p.numero}/payer`,
      suspendu: p.suspendu,
    });
    await enqueueMail(tx, await renderMail(usager.courriel, prelevementRejeteSubject(p.numero), element));
  }
}

/** The last rejects entered, newest first (the rejects page). */
export const derniersRejets = () =>
  db().prelevement.findMany({
    where: { statut: "REJETE" },
    orderBy: [{ rejeteLe: "desc" }, { id: "asc" }],
    take: 30,
    select: {
      id: true,
      montantCentimes: true,
      rejeteLe: true,
      codeRejet: true,
      motifRejet: true,
      facture: { select: { numero: true, destinataire: true } },
    },
  });
