// Runs (or takes up again) a month's invoicing run, chunk after chunk (lot.ts): each chunk commits its invoices,
// their mails and the run's progress together, so a run interrupted anywhere (a node killed, a deploy) goes on
// from what was committed when its job runs again: the families already billed or carried are left out, the
// numbers go on from the counter, and the agent's page (Progression.tsx) keeps reading the run's row.
import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { calculateurPrix, lignesDeFamille, quotientAffiche } from "@/lib/domain/facturation/calcul";
import { modeleCourriel } from "@/lib/domain/facturation/courriel-facture";
import { joursDuMois, referentiel, type LigneJours } from "@/lib/domain/facturation/facturer";
import { facturerLot, representantsDe } from "@/lib/domain/facturation/lot";
import { parametresFacturation } from "@/lib/domain/facturation/parametres";
import { finDuMois, moisEnClair } from "@/lib/domain/facturation/periode";
import { ajouterJours, dateDeJour, jourDeDate, jourParis } from "@/lib/temps/jours";
import { log } from "@/lib/log";

/** The run stopped between two chunks because its node is stopping: its job is tried again, here or elsewhere. */
export class FacturationInterrompue extends Error {
  constructor() {
    super("Facturation interrompue par l'arrêt du nœud : elle reprendra.");
    this.name = "FacturationInterrompue";
  }
}

/** The month's families still to bill, and what is needed to bill them. */
async function aFacturer(mois: Date) {
  const debut = jourDeDate(mois);
  const fin = finDuMois(debut);
  const jours = await joursDuMois(debut, fin);
  const ref = await referentiel(jours);
  const parFamille = new Map<string, LigneJours[]>();
  for (const j of jours) {
    const liste = parFamille.get(j.familleId);
    if (liste) liste.push(j);
    else parFamille.set(j.familleId, [j]);
  }
  // families with carried months to bill, even with nothing booked this month
  const reportees = await db().reportFacturation.findMany({
    where: { factureId: null, mois: { lt: mois } },
    select: { familleId: true },
    distinct: ["familleId"],
  });
  for (const r of reportees) if (!parFamille.has(r.familleId)) parFamille.set(r.familleId, []);
  // a family already billed (or carried) for the month counts as done at once: on a resumption, those of the
  // chunks committed before; facturerLot checks again under the lock, for a run going on at the same time
  const dejaFaites = new Set(
    (
      await db().$queryRaw<{ familleId: string }[]>`
        SELECT "familleId" FROM "Facture" WHERE "periodeDebut" = ${mois}
        UNION SELECT "familleId" FROM "ReportFacturation" WHERE mois = ${mois}`
    ).map((f) => f.familleId),
  );
  const familles = [...parFamille.keys()].filter((f) => !dejaFaites.has(f)).sort();
  return { debut, fin, ref, prix: calculateurPrix(ref.tarifs), parFamille, familles };
}

/**
 * Runs a run to its end from where it stands. The clock is the run's `debut` (the issue date is its Paris day),
 * the same for every resumption. `continuer` is asked between chunks; `dernierEssai`: an unexpected error ends
 * the run « échec » instead of leaving it to the next try.
 */
export async function executerFacturation({
  runId,
  taille = config.facturationTailleLot,
  continuer = () => true,
  dernierEssai = true,
}: {
  runId: string;
  taille?: number;
  continuer?: () => boolean;
  dernierEssai?: boolean;
}): Promise<void> {
  const run = await db().runFacturation.findUnique({ where: { id: runId } });
  // done meanwhile (by another execution), or gone with the demo's data: nothing left to do
  if (run?.statut !== "EN_COURS") return;
  try {
    const { debut, fin, ref, prix, parFamille, familles } = await aFacturer(run.mois);
    await db().runFacturation.update({
      where: { id: runId },
      data: { familles: parFamille.size, traitees: parFamille.size - familles.length },
    });
    const [commune, parametres] = await Promise.all([
      db().commune.findUniqueOrThrow({ where: { id: 1 } }),
      parametresFacturation(),
    ]);
    const courriel = await modeleCourriel(commune.nom, moisEnClair(debut));
    const emission = jourParis(run.debut);
    const contexte = { debut, fin, emission, echeance: ajouterJours(emission, parametres.delaiPaiementJours) };
    for (let i = 0; i < familles.length; i += taille) {
      if (!continuer()) throw new FacturationInterrompue();
      const lot = familles.slice(i, i + taille);
      const enfantIds = [...new Set(lot.flatMap((f) => parFamille.get(f)!.map((j) => j.enfantId)))];
      const [enfants, representants] = await Promise.all([
        db().$queryRaw<{ id: string; prenoms: string; nom: string }[]>`
          SELECT id, prenoms, nom FROM "Enfant" WHERE id = ANY(${enfantIds}::text[])`,
        representantsDe(lot),
      ]);
      for (const e of enfants) ref.enfants.set(e.id, `${e.prenoms} ${e.nom.toUpperCase()}`);
      const lignes = new Map(lot.map((f) => [f, lignesDeFamille(parFamille.get(f)!, ref, prix)]));
      const quotients = new Map(lot.map((f) => [f, quotientAffiche(parFamille.get(f)!)]));
      await db().$transaction(
        (tx) =>
          facturerLot(tx, {
            ...contexte,
            runId,
            familles: lot,
            lignes,
            quotients,
            representants,
            seuil: parametres.seuilReportCentimes,
            courriel,
          }),
        { timeout: 120_000 },
      );
    }
    // counted again from what is written, whatever resumptions or a concurrent run did to the counters
    const factures = await db().facture.count({ where: { runId } });
    await db().runFacturation.updateMany({
      where: { id: runId, statut: "EN_COURS" },
      data: { statut: "TERMINE", fin: new Date(), traitees: parFamille.size, factures },
    });
  } catch (error) {
    if (error instanceof FacturationInterrompue) throw error;
    log.error(
      { evenement: "facturation.echec", run: runId, erreur: error instanceof Error ? error.name : typeof error },
      "facturation échouée",
    );
    // an unexpected error (the database gone for a moment) is left to the job's next try, but the last one
    if (!(error instanceof AppError) && !dernierEssai) throw error;
    await db().runFacturation.update({
      where: { id: runId },
      data: {
        statut: "ECHEC",
        fin: new Date(),
        erreur: error instanceof AppError ? error.message : "La facturation s'est interrompue : relancez-la.",
      },
    });
    if (!(error instanceof AppError)) throw error;
  }
}

/** For the bench, the demo data and the tests: a run started and finished at once, in this process. */
export async function facturerMois({ mois, now, agentId }: { mois: string; now: Date; agentId?: string }) {
  const run = await db().runFacturation.create({
    data: { mois: dateDeJour(`${mois}-01`), lanceParId: agentId, debut: now },
  });
  await executerFacturation({ runId: run.id });
  return db().runFacturation.findUniqueOrThrow({ where: { id: run.id } });
}
