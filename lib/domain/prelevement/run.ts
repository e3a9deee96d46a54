// « Lancer les prélèvements »: the month's debit run. In one transaction, holding the month's lock: the debits
// the preview shows are presented (each with its Paiement PRELEVEMENT dated the collection day, allocated to its
// invoice, which it pays), the mandates' last debit moves, the debits whose invoice was paid or cancelled
// meanwhile, or whose mandate ended, are cancelled; each payment's reçu follows from the queue (run-recus.ts). In FICHIER_SEPA mode the run's pain.008 is then
// downloaded (pain008-fichier.ts); in PES mode the comptable public debits through the titles.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { reveillerCourriels } from "@/lib/mail/outbox";
import { verrouillerComptes } from "@/lib/domain/paiement/compte";
import { ajouterTravail } from "@/lib/jobs/file";
import { verrouillerFactures } from "@/lib/domain/paiement/soldes";
import { apercuRun } from "@/lib/domain/prelevement/run-apercu";
import { dateDeJour, estJour, jourParis, type Jour } from "@/lib/temps/jours";

/** pain.008 GrpHdr/MsgId (≤ 35): "PRLV" + the instant + a random tail. */
const msgId = (now: Date) =>
  `PRLV${now.toISOString().replace(/\D/g, "").slice(0, 14)}${randomBytes(4).toString("hex").toUpperCase()}`;

/** "2026-11" or "2026-11-01" → the month's first day, refused when it is not a month that is over. */
export function moisDuRun(saisie: string, now: Date): Jour {
  const mois = /^\d{4}-\d{2}$/.test(saisie) ? `${saisie}-01` : saisie;
  if (!estJour(mois) || !mois.endsWith("-01")) throw new AppError("mois", "Choisissez un mois facturé.", "mois");
  if (mois > jourParis(now)) throw new AppError("mois", "Ce mois n'est pas encore facturé.", "mois");
  return mois;
}

export async function lancerRun({
  agentId,
  mois: saisie,
  now,
}: {
  agentId: string;
  mois: string;
  now: Date;
}): Promise<{ id: string; nombre: number; montantCentimes: number }> {
  const mois = moisDuRun(saisie, now);
  return db().$transaction(
    async (tx) => {
      // one run at a time per month: whoever comes second finds the first one's debits presented
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`prelevement:${mois}`}))::text`;
      const parametres = await tx.parametresPrelevement.findUnique({ where: { id: 1 } });
      if (!parametres?.actif || !parametres.ics) {
        throw new AppError("parametres", "Le prélèvement automatique n'est pas activé dans les paramètres.");
      }
      // the accounts then the invoices of the month's debits not yet presented, in the order appliquerCredits
      // takes them, before reading what they owe: a payment recorded meanwhile is not debited a second time
      const aPresenter = await tx.$queryRaw<{ familleId: string; factureId: string }[]>`
        SELECT p."familleId", p."factureId" FROM "Prelevement" p JOIN "Facture" f ON f.id = p."factureId"
        WHERE f."periodeDebut" = ${mois}::date AND p.statut = 'PREVU' AND p."runId" IS NULL`;
      await verrouillerComptes(
        tx,
        aPresenter.map((d) => d.familleId),
      );
      await verrouillerFactures(
        tx,
        aPresenter.map((d) => d.factureId),
      );
      const { debits, exclus, totalCentimes } = await apercuRun(tx, mois, now);
      if (debits.length === 0) throw new AppError("vide", "Aucun prélèvement à présenter pour ce mois.");
      const run = await tx.runPrelevement.create({
        data: {
          mois: dateDeJour(mois),
          datePrelevement: dateDeJour(
            debits.reduce((min, d) => (d.datePrelevement < min ? d.datePrelevement : min), debits[0]!.datePrelevement),
          ),
          transmission: parametres.transmission,
          msgId: msgId(now),
          nombre: debits.length,
          montantCentimes: totalCentimes,
          parAgentId: agentId,
          creeLe: now,
        },
      });
      const paiements = debits.map((d) => ({ ...d, paiementId: randomUUID() }));
      await presenter(tx, run.id, agentId, paiements, now);
      const annules = exclus.flatMap((e) => (e.prelevementId ? [e.prelevementId] : []));
      await tx.prelevement.updateMany({
        where: { id: { in: annules }, statut: { in: ["PREVU", "ANNULE"] } },
        data: { statut: "ANNULE", runId: run.id },
      });
      // the reçus (a PDF each) after the commit, by the queue: thousands of them would hold the locks too long
      await ajouterTravail(tx, "prelevements.recus", { runId: run.id });
      await reveillerCourriels(tx);
      await journal(tx, {
        event: "prelevement.run",
        actorKind: "AGENT",
        actorId: agentId,
        details: {
          runId: run.id,
          mois,
          nombre: debits.length,
          montantCentimes: totalCentimes,
          annules: annules.length,
        },
      });
      return { id: run.id, nombre: debits.length, montantCentimes: totalCentimes };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** The payments, their allocations, the debits and the mandates, a statement each for the whole run. */
async function presenter(
  tx: Tx,
  runId: string,
  agentId: string,
  debits: (Awaited<ReturnType<typeof apercuRun>>["debits"][number] & { paiementId: string })[],
  now: Date,
) {
  const colonne = <K extends keyof (typeof debits)[number]>(k: K) => debits.map((d) => d[k]);
  await tx.$executeRaw`
    INSERT INTO "Paiement" (id, "familleId", "montantCentimes", mode, date, reference, "parAgentId", "creeLe")
    SELECT u.id, u.famille, u.montant, 'PRELEVEMENT'::"ModePaiement", u.jour, u.ref, ${agentId}, ${now}
    FROM unnest(${colonne("paiementId")}::text[], ${colonne("familleId")}::text[], ${colonne("montantCentimes")}::int[],
                ${colonne("datePrelevement")}::date[], ${colonne("endToEndId")}::text[])
         AS u(id, famille, montant, jour, ref)`;
  await tx.$executeRaw`
    INSERT INTO "AffectationPaiement" ("paiementId", "factureId", "montantCentimes")
    SELECT * FROM unnest(${colonne("paiementId")}::text[], ${colonne("factureId")}::text[],
                         ${colonne("montantCentimes")}::int[])`;
  await tx.$executeRaw`
    UPDATE "Prelevement" p SET statut = 'PRESENTE', "runId" = ${runId}, "paiementId" = u.paiement,
           "montantCentimes" = u.montant, "datePrelevement" = u.jour, sequence = u.sequence,
           "versionNumero" = u.version
    FROM unnest(${colonne("prelevementId")}::text[], ${colonne("paiementId")}::text[],
                ${colonne("montantCentimes")}::int[], ${colonne("datePrelevement")}::date[],
                ${colonne("sequence")}::text[], ${colonne("versionNumero")}::int[])
         AS u(id, paiement, montant, jour, sequence, version)
    WHERE p.id = u.id`;
  await tx.$executeRaw`
    UPDATE "MandatSepa" m SET "dernierPrelevement" = u.jour
    FROM unnest(${colonne("mandatId")}::text[], ${colonne("datePrelevement")}::date[]) AS u(id, jour)
    WHERE m.id = u.id AND (m."dernierPrelevement" IS NULL OR m."dernierPrelevement" < u.jour)`;
}

/** The month's runs, newest first (the page's list). */
export const runsDuMois = (mois: Jour) =>
  db().runPrelevement.findMany({
    where: { mois: dateDeJour(mois) },
    orderBy: { creeLe: "desc" },
    select: { id: true, creeLe: true, datePrelevement: true, transmission: true, nombre: true, montantCentimes: true },
  });
