// One chunk of a run: the invoices (and the months carried under the threshold) of a few hundred families,
// written in one transaction holding the month's advisory lock, so two runs at once never bill a family twice
// nor skip a number, with the families' mails and the run's progress, so a crash leaves either the whole chunk
// or none of it.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { totalDesLignes, type Ligne } from "@/lib/domain/facturation/calcul";
import type { Courriel } from "@/lib/domain/facturation/courriel-facture";
import { ecrireAvoirsDeRegularisation } from "@/lib/domain/facturation/avoir-regularisation";
import { inserer } from "@/lib/inserer";
import { COLONNES_FACTURE, COLONNES_LIGNE_FACTURE } from "@/lib/domain/facturation/colonnes";
import { formaterNumero, reserverNumeros, SERIE_FACTURE } from "@/lib/argent/numerotation";
import { dateFr } from "@/lib/temps/periode";
import { dateDeJour, type Jour } from "@/lib/temps/jours";
import { salutation } from "@/lib/mail/salutation";
import { reveillerCourriels } from "@/lib/mail/outbox";
import { appliquerCredits, verrouillerComptes } from "@/lib/domain/paiement/compte";
import { prevoirPrelevements } from "@/lib/domain/prelevement/prevoir";

export type Representant = {
  familleId: string;
  role: string;
  prenom: string;
  nomUsage: string;
  numero: string | null;
  voie: string;
  complement: string | null;
  codePostal: string;
  ville: string;
  /** the representant's space, when linked: who gets the mail */
  courriel: string | null;
  civilite: "MADAME" | "MONSIEUR" | null;
  usagerNom: string | null;
};

/** Who is billed and mailed, for a chunk of families: one query (its names and address are the invoice's). */
export const representantsDe = (familles: string[]) =>
  db().$queryRaw<Representant[]>`
    SELECT r."familleId", r.role::text AS role, r.prenom, r."nomUsage", a.numero, a.voie, a.complement,
           a."codePostal", a.ville, u.courriel, u.civilite::text AS civilite, u."nomUsage" AS "usagerNom"
    FROM "Representant" r
    JOIN "Adresse" a ON a.id = r."adresseId"
    LEFT JOIN "Usager" u ON u.id = r."usagerId"
    WHERE r."familleId" = ANY(${familles}::text[])`;

type Lot = {
  runId: string;
  debut: Jour;
  fin: Jour;
  emission: Jour;
  echeance: Jour;
  familles: string[];
  lignes: Map<string, Ligne[]>;
  quotients: Map<string, number | null>;
  representants: Representant[];
  seuil: number;
  courriel: Courriel;
};

type Bilan = { traitees: number; factures: number; reportees: number };

/**
 * Writes the chunk and moves the run's counters by what this transaction did: families found already done
 * under the lock (billed by a run going on at the same time, or by this run before a crash) count for nothing.
 */
export async function facturerLot(tx: Tx, lot: Lot): Promise<Bilan> {
  const bilan = await ecrire(tx, lot);
  await tx.runFacturation.update({
    where: { id: lot.runId },
    data: {
      traitees: { increment: bilan.traitees },
      factures: { increment: bilan.factures },
      reportees: { increment: bilan.reportees },
    },
  });
  if (bilan.factures > 0) await reveillerCourriels(tx);
  return bilan;
}

export type Repartition = {
  nouvelles: { familleId: string; lignes: Ligne[]; reports: string[] }[];
  reports: { familleId: string; lignes: Ligne[] }[];
  /** a negative total: the family's régularisations on an avoir de régularisation, never a negative invoice */
  avoirs: { familleId: string; lignes: Ligne[] }[];
};

/**
 * Which families get an invoice and which months are carried, the one rule the emission writes and the
 * simulation (simulation.ts) announces: a family's carried months come first on its invoice, then its lines.
 */
export function repartir({
  familles,
  lignes: lignesDuMois,
  aReprendre,
  seuil,
}: {
  familles: string[];
  lignes: Map<string, Ligne[]>;
  /** the family's months carried earlier, not yet invoiced, oldest first */
  aReprendre: { id: string; familleId: string; lignes: unknown }[];
  seuil: number;
}): Repartition {
  const nouvelles: Repartition["nouvelles"] = [];
  const reports: Repartition["reports"] = [];
  const avoirs: Repartition["avoirs"] = [];
  for (const familleId of familles) {
    const duMois = lignesDuMois.get(familleId)!;
    const anciens = aReprendre.filter((r) => r.familleId === familleId);
    const lignes = [...anciens.flatMap((r) => r.lignes as Ligne[]), ...duMois];
    if (lignes.length === 0) continue;
    const total = totalDesLignes(lignes);
    if (total < 0) {
      // the credits outweigh what is owed (carried months and the month's days hold no credit): they go on an
      // avoir, the month's own days are carried to the next invoice, which the credit then pays
      const propres = duMois.filter((l) => l.regularisation === null);
      if (propres.length > 0) reports.push({ familleId, lignes: propres });
      avoirs.push({ familleId, lignes: duMois.filter((l) => l.regularisation !== null) });
      continue;
    }
    if (total < seuil) {
      // D1611-1 CGCT: under the threshold, nothing is sent; the month waits for the next invoice. Its
      // régularisations are not carried: still owed, regularisationsDe finds them again next month
      const propres = duMois.filter((l) => l.regularisation === null);
      if (propres.length > 0) reports.push({ familleId, lignes: propres });
      continue;
    }
    nouvelles.push({ familleId, lignes, reports: anciens.map((r) => r.id) });
  }
  return { nouvelles, reports, avoirs };
}

async function ecrire(tx: Tx, lot: Lot): Promise<Bilan> {
  // one run at a time per month inside this chunk: whoever comes second sees the first one's invoices
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`facturation:${lot.debut}`}))::text`;
  const mois = dateDeJour(lot.debut);
  const [dejaFacturees, dejaReportees, aReprendre] = await Promise.all([
    tx.facture.findMany({
      where: { familleId: { in: lot.familles }, periodeDebut: mois },
      select: { familleId: true },
    }),
    tx.reportFacturation.findMany({ where: { familleId: { in: lot.familles }, mois }, select: { familleId: true } }),
    tx.reportFacturation.findMany({
      where: { familleId: { in: lot.familles }, factureId: null, mois: { lt: mois } },
      orderBy: { mois: "asc" },
    }),
  ]);
  const faites = new Set([...dejaFacturees, ...dejaReportees].map((f) => f.familleId));
  const { nouvelles, reports, avoirs } = repartir({
    familles: lot.familles.filter((f) => !faites.has(f)),
    lignes: lot.lignes,
    aReprendre,
    seuil: lot.seuil,
  });
  // the ledger's documents are dated by the run's clock, which the reservations' story shares (a régularisation's
  // reason is the day's last change after it was billed)
  const { debut: instant } = await tx.runFacturation.findUniqueOrThrow({
    where: { id: lot.runId },
    select: { debut: true },
  });
  if (reports.length > 0) {
    await tx.reportFacturation.createMany({
      data: reports.map((r) => ({
        familleId: r.familleId,
        mois,
        creeLe: instant,
        montantCentimes: totalDesLignes(r.lignes),
        lignes: r.lignes,
      })),
    });
  }
  const traitees = lot.familles.length - faites.size;
  const comptes = [...nouvelles, ...avoirs].map((f) => f.familleId);
  // the accounts' lock before the FA and AV counters': a cancellation or an avoir de régularisation takes the
  // account first, then the AV counter; the other order here could deadlock with them
  await verrouillerComptes(tx, comptes);
  const emises = nouvelles.length === 0 ? [] : await emettre(tx, lot, nouvelles);
  await ecrireAvoirsDeRegularisation(tx, avoirs, { emission: lot.emission, instant });
  // the families' credit (a payment in advance, an avoir) pays their new invoices at once
  await appliquerCredits(tx, comptes);
  // families paying by prélèvement: each new invoice's debit, pre-notified with it (what the credits left due)
  await prevoirPrelevements(
    tx,
    emises.map((f) => f.id),
    instant,
  );
  await courrielsDesFactures(tx, lot, emises);
  return { traitees, factures: emises.length, reportees: reports.length };
}

/** The chunk's invoices, numbered in one reservation of the counter, and their lines. */
async function emettre(
  tx: Tx,
  lot: Lot,
  nouvelles: { familleId: string; lignes: Ligne[]; reports: string[] }[],
): Promise<Emise[]> {
  const annee = Number(lot.emission.slice(0, 4));
  const premier = await reserverNumeros(tx, SERIE_FACTURE, annee, nouvelles.length);
  const factures = nouvelles.map((n, i) => {
    const siens = lot.representants.filter((r) => r.familleId === n.familleId);
    const titulaire = siens.find((r) => r.role === "TITULAIRE") ?? siens[0];
    const a = titulaire;
    const quotient = lot.quotients.get(n.familleId) ?? null;
    return {
      id: randomUUID(),
      numero: formaterNumero(SERIE_FACTURE, annee, premier + i),
      serie: SERIE_FACTURE,
      annee,
      sequence: premier + i,
      familleId: n.familleId,
      totalCentimes: totalDesLignes(n.lignes),
      quotient,
      qfNonCommunique: quotient === null,
      destinataire: titulaire ? `${titulaire.prenom} ${titulaire.nomUsage.toUpperCase()}` : "",
      adresse: a
        ? [[a.numero, a.voie].filter(Boolean).join(" "), a.complement, `${a.codePostal} ${a.ville}`]
            .filter(Boolean)
            .join("\n")
        : "",
      runId: lot.runId,
      destinataires: siens.flatMap((r) =>
        r.courriel ? [{ courriel: r.courriel, civilite: r.civilite!, nomUsage: r.usagerNom! }] : [],
      ),
      lignes: n.lignes,
      reports: n.reports,
    };
  });
  await inserer(
    tx,
    "Facture",
    COLONNES_FACTURE,
    factures.map((f) => ({
      ...f,
      periodeDebut: lot.debut,
      periodeFin: lot.fin,
      emiseLe: lot.emission,
      echeanceLe: lot.echeance,
    })),
  );
  await inserer(
    tx,
    "LigneFacture",
    COLONNES_LIGNE_FACTURE,
    factures.flatMap((f) => f.lignes.map((l, ordre) => ({ ...l, id: randomUUID(), factureId: f.id, ordre }))),
  );
  for (const f of factures.filter((x) => x.reports.length > 0)) {
    await tx.reportFacturation.updateMany({ where: { id: { in: f.reports } }, data: { factureId: f.id } });
  }
  return factures.map((f) => ({ id: f.id, numero: f.numero, destinataires: f.destinataires }));
}

type Emise = {
  id: string;
  numero: string;
  destinataires: { courriel: string; civilite: "MADAME" | "MONSIEUR"; nomUsage: string }[];
};

/**
 * The families' mails, written once their debits are planned: an invoice debited says when (« Elle sera prélevée
 * le 10/12/2026 », the pre-notification), never its amount.
 */
async function courrielsDesFactures(tx: Tx, lot: Lot, emises: Emise[]) {
  if (emises.length === 0) return;
  const prelevements = await tx.prelevement.findMany({
    where: { factureId: { in: emises.map((f) => f.id) }, statut: "PREVU" },
    select: { factureId: true, datePrelevement: true },
  });
  const dates = new Map(prelevements.map((p) => [p.factureId, dateFr(p.datePrelevement)]));
  await inserer(
    tx,
    "OutboxMail",
    { id: "text", to: "text", subject: "text", html: "text", text: "text" },
    emises.flatMap((f) =>
      f.destinataires.map((u) => ({
        id: randomUUID(),
        ...lot.courriel(u.courriel, {
          salutation: salutation(u),
          numero: f.numero,
          prelevement: dates.get(f.id),
        }),
      })),
    ),
  );
}
