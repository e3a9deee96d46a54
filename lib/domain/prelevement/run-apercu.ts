// What a month's debit run would present, and who is left out and why: read the same way by the page's preview
// and by the launch itself (run.ts), inside its transaction, so the agent launches what was shown.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { ajouterJours, jourDeDate, jourParis, type Jour } from "@/lib/temps/jours";
import type { StatutMandat, StatutPrelevement } from "@/lib/generated/prisma/client";

/** Under this amount a debit is not worth its bank fee: the invoice waits for another means of payment. */
export const MONTANT_MINIMUM_CENTIMES = 100;

/** A debit is presented at least this many days ahead (the bank's delay for a SEPA Core file). */
export const DELAI_BANQUE_JOURS = 2;

type Candidat = {
  prelevementId: string | null;
  statutPrelevement: StatutPrelevement | null;
  factureId: string;
  numero: string;
  familleId: string;
  destinataire: string;
  mandatId: string;
  rum: string;
  statutMandat: StatutMandat;
  versionNumero: number | null;
  montantPrevu: number | null;
  datePrevue: Date | null;
  endToEndId: string | null;
  annulee: boolean;
  reste: number;
  presente: boolean;
};

export type DebitRun = {
  prelevementId: string;
  factureId: string;
  numero: string;
  familleId: string;
  destinataire: string;
  mandatId: string;
  rum: string;
  versionNumero: number;
  sequence: "FRST" | "RCUR";
  montantCentimes: number;
  datePrelevement: Jour;
  endToEndId: string;
};

export type Exclu = {
  prelevementId: string | null;
  numero: string;
  familleId: string;
  destinataire: string;
  rum: string;
  motif: string;
};

export type Apercu = { mois: Jour; debits: DebitRun[]; exclus: Exclu[]; totalCentimes: number };

const MOTIFS_MANDAT: Record<Exclude<StatutMandat, "ACTIF">, string> = {
  REVOQUE: "Mandat révoqué",
  SUSPENDU: "Mandat suspendu (rejets successifs)",
  CADUC: "Mandat caduc (36 mois sans prélèvement)",
};

/**
 * The invoices of the month (`mois`: its first day) whose family has a mandate, or that have a debit not yet in
 * a run: those debited (amount: what the invoice still owes, at most what was pre-notified; date: the one
 * pre-notified, or the bank's delay from today when it has passed) and those left out, with the reason.
 */
export async function apercuRun(client: Tx, mois: Jour, now: Date): Promise<Apercu> {
  const candidats = await client.$queryRaw<Candidat[]>`
    SELECT p.id AS "prelevementId", p.statut AS "statutPrelevement", f.id AS "factureId", f.numero,
           f."familleId", f.destinataire, m.id AS "mandatId", m.rum, m.statut AS "statutMandat",
           (SELECT MAX(v.numero) FROM "VersionMandat" v WHERE v."mandatId" = m.id) AS "versionNumero",
           p."montantCentimes" AS "montantPrevu", p."datePrelevement" AS "datePrevue", p."endToEndId",
           EXISTS (SELECT 1 FROM "Avoir" av WHERE av."factureId" = f.id) AS annulee,
           (f."totalCentimes"
             - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationPaiement" x WHERE x."factureId" = f.id), 0)
             - COALESCE((SELECT SUM(x."montantCentimes") FROM "AffectationAvoir" x WHERE x."factureId" = f.id), 0)
           )::int AS reste,
           -- through the (familleId, statut) index: Prelevement has none on mandatId
           EXISTS (SELECT 1 FROM "Prelevement" q WHERE q."familleId" = m."familleId" AND q.statut = 'PRESENTE'
                   AND q."mandatId" = m.id) AS presente
    FROM "Facture" f
    LEFT JOIN LATERAL (
      SELECT * FROM "Prelevement" q WHERE q."factureId" = f.id ORDER BY q."creeLe" DESC LIMIT 1
    ) p ON true
    -- the debit's mandate, or the family's latest (COALESCE reads the second only without a debit)
    JOIN "MandatSepa" m ON m.id = COALESCE(p."mandatId", (
      SELECT x.id FROM "MandatSepa" x WHERE x."familleId" = f."familleId" ORDER BY x."creeLe" DESC LIMIT 1))
    WHERE f."periodeDebut" = ${mois}::date
      AND (p.id IS NULL OR p."runId" IS NULL)
      AND (p.statut IS NULL OR p.statut IN ('PREVU', 'ANNULE'))
    ORDER BY f.numero`;
  const auPlusTot = ajouterJours(jourParis(now), DELAI_BANQUE_JOURS);
  const debits: DebitRun[] = [];
  const exclus: Exclu[] = [];
  for (const c of candidats) {
    const motif = motifExclusion(c);
    if (motif || !c.prelevementId) {
      exclus.push({
        prelevementId: c.prelevementId,
        numero: c.numero,
        familleId: c.familleId,
        destinataire: c.destinataire,
        rum: c.rum,
        motif: motif ?? "",
      });
      continue;
    }
    const prevue = jourDeDate(c.datePrevue!);
    debits.push({
      prelevementId: c.prelevementId,
      factureId: c.factureId,
      numero: c.numero,
      familleId: c.familleId,
      destinataire: c.destinataire,
      mandatId: c.mandatId,
      rum: c.rum,
      versionNumero: c.versionNumero!,
      sequence: c.presente ? "RCUR" : "FRST",
      montantCentimes: Math.min(c.reste, c.montantPrevu!),
      datePrelevement: prevue < auPlusTot ? auPlusTot : prevue,
      endToEndId: c.endToEndId!,
    });
  }
  return { mois, debits, exclus, totalCentimes: debits.reduce((s, d) => s + d.montantCentimes, 0) };
}

function motifExclusion(c: Candidat): string | null {
  if (c.statutMandat !== "ACTIF") return MOTIFS_MANDAT[c.statutMandat];
  if (c.annulee) return "Facture annulée (avoir)";
  if (c.reste <= 0) return "Facture déjà payée";
  if (!c.prelevementId) return "Mandat signé après l'émission de la facture (prélèvement non pré-notifié)";
  if (c.statutPrelevement === "ANNULE") return "Prélèvement annulé";
  if (c.versionNumero === null) return "Mandat sans compte bancaire";
  if (Math.min(c.reste, c.montantPrevu!) < MONTANT_MINIMUM_CENTIMES) return "Montant inférieur à 1 €";
  return null;
}

/** The preview for the page, outside any transaction. */
export const apercuDuMois = (mois: Jour, now: Date) => apercuRun(db() as unknown as Tx, mois, now);
