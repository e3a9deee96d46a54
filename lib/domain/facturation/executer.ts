// Runs (or takes up again) a month's invoicing run, chunk after chunk (lot.ts): each chunk commits its invoices,
// their mails and the run's progress together, so a run interrupted anywhere (a node killed, a deploy) goes on
// from what was committed when its job runs again: the families already billed or carried are left out, the
// numbers go on from the counter, and the agent's page (Progression.tsx) keeps reading the run's row.
import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { modeleCourriel } from "@/lib/domain/facturation/courriel-facture";
import { facturerLot } from "@/lib/domain/facturation/lot";
import { parametresFacturation } from "@/lib/domain/facturation/parametres";
import { moisEnClair } from "@/lib/temps/periode";
import { preparerLot, preparerMois } from "@/lib/domain/facturation/preparation";
import { moisTermine } from "@/lib/domain/facturation/terme-echu";
import { ajouterJours, dateDeJour, jourParis } from "@/lib/temps/jours";
import { log } from "@/lib/log";

/** The run stopped between two chunks because its node is stopping: its job is tried again, here or elsewhere. */
export class FacturationInterrompue extends Error {
  constructor() {
    super("Facturation interrompue par l'arrêt du nœud : elle reprendra.");
    this.name = "FacturationInterrompue";
  }
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
    const preparation = await preparerMois(run.mois);
    const { debut, fin, parFamille, familles } = preparation;
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
      const { lignes, quotients, representants } = await preparerLot(preparation, lot);
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

/**
 * For the bench, the demo data and the tests: a run started and finished at once, in this process. The month
 * must be over by `now`, as for the agent's launch (terme-echu.ts).
 */
export async function facturerMois({ mois, now, agentId }: { mois: string; now: Date; agentId?: string }) {
  const debut = moisTermine(mois, now);
  const run = await db().runFacturation.create({
    data: { mois: dateDeJour(debut), lanceParId: agentId, debut: now },
  });
  await executerFacturation({ runId: run.id });
  return db().runFacturation.findUniqueOrThrow({ where: { id: run.id } });
}
