// Reminders for invoices past due: first a mail to the family (level 1), then, still unpaid DELAI_TRESORIER_JOURS
// later, the invoice goes on the treasurer's list (level 2) for the titre de recettes. Each level once per invoice
// (a unique index), so two agents clicking at once send one mail. The clock is a parameter.
import "server-only";
import { createElement } from "react";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatParis } from "@/lib/temps/dates";
import { journal } from "@/lib/journal";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import { ajouterJours, dateDeJour, jourParis } from "@/lib/temps/jours";
import { resteCentimes, SELECT_MONTANTS } from "@/lib/domain/paiement/soldes";
import RelanceFacture, { relanceFactureSubject } from "@/emails/RelanceFacture";

export const DELAI_TRESORIER_JOURS = 15;

const SELECT_RELANCE = {
  id: true,
  numero: true,
  familleId: true,
  destinataire: true,
  ...SELECT_MONTANTS,
  relances: { select: { niveau: true, creeLe: true } },
} as const;

/** Invoices past due (due date before today, Paris) that still owe something. */
async function facturesEchues(now: Date) {
  const factures = await db().facture.findMany({
    where: { avoir: null, echeanceLe: { lt: dateDeJour(jourParis(now)) } },
    select: SELECT_RELANCE,
    orderBy: [{ echeanceLe: "asc" }, { numero: "asc" }],
  });
  return factures.filter((f) => resteCentimes(f) > 0);
}

/** The invoices a reminder would go to today, and those ready for the treasurer. */
export async function relancesAFaire(now: Date) {
  const echues = await facturesEchues(now);
  const limite = dateDeJour(ajouterJours(jourParis(now), -DELAI_TRESORIER_JOURS));
  return {
    aRelancer: echues.filter((f) => !f.relances.some((r) => r.niveau === 1)),
    aTransmettre: echues.filter(
      (f) => f.relances.some((r) => r.niveau === 1 && r.creeLe < limite) && !f.relances.some((r) => r.niveau === 2),
    ),
  };
}

/** Level 1: one mail per invoice past due not yet reminded, to the family's titulaire (and co-représentant). */
export async function envoyerRelances({ now, agentId }: { now: Date; agentId: string }): Promise<number> {
  const { aRelancer } = await relancesAFaire(now);
  const commune = await db().commune.findUniqueOrThrow({ where: { id: 1 } });
  let envoyees = 0;
  for (const facture of aRelancer) {
    const fait = await db().$transaction(async (tx) => {
      const cree = await tx.relanceFacture.createMany({
        data: [{ factureId: facture.id, niveau: 1, creeLe: now, parAgentId: agentId }],
        skipDuplicates: true,
      });
      if (cree.count === 0) return false; // another agent's click sent it
      const representants = await tx.representant.findMany({
        where: { familleId: facture.familleId },
        select: { civilite: true, nomUsage: true, courriel: true, usager: { select: { courriel: true } } },
        orderBy: { role: "asc" },
      });
      for (const r of representants) {
        const courriel = r.usager?.courriel ?? r.courriel;
        if (!courriel) continue;
        const element = createElement(RelanceFacture, {
          commune: commune.nom,
          salutation: salutation(r),
          numero: facture.numero,
          echeance: formatParis(facture.echeanceLe, "dd/MM/yyyy"),
          lien: `${config.appUrl}/factures`,
        });
        await enqueueMail(tx, await renderMail(courriel, relanceFactureSubject(facture.numero), element));
      }
      return true;
    });
    if (fait) envoyees++;
  }
  if (envoyees) {
    await journal(db(), {
      event: "relances.envoyees",
      actorKind: "AGENT",
      actorId: agentId,
      details: { nombre: envoyees },
    });
  }
  return envoyees;
}

/** Level 2: the invoices reminded DELAI_TRESORIER_JOURS days ago and still unpaid join the treasurer's list. */
export async function transmettreAuTresorier({ now, agentId }: { now: Date; agentId: string }): Promise<number> {
  const { aTransmettre } = await relancesAFaire(now);
  if (aTransmettre.length === 0) return 0;
  return db().$transaction(async (tx) => {
    const { count } = await tx.relanceFacture.createMany({
      data: aTransmettre.map((f) => ({ factureId: f.id, niveau: 2, creeLe: now, parAgentId: agentId })),
      skipDuplicates: true,
    });
    await journal(tx, {
      event: "relances.transmises",
      actorKind: "AGENT",
      actorId: agentId,
      details: { nombre: count },
    });
    return count;
  });
}

/** The treasurer's list: invoices handed over and still unpaid, with what each still owes. */
export async function listeTresorier() {
  const factures = await db().facture.findMany({
    where: { avoir: null, relances: { some: { niveau: 2 } } },
    select: { ...SELECT_RELANCE, periodeDebut: true, famille: { select: { cleEnfance: true } } },
    orderBy: [{ echeanceLe: "asc" }, { numero: "asc" }],
  });
  return factures
    .map((f) => ({ ...f, reste: resteCentimes(f), transmiseLe: f.relances.find((r) => r.niveau === 2)!.creeLe }))
    .filter((f) => f.reste > 0);
}
