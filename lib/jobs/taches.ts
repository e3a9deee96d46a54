// What each job of the queue does, and the schedule of the periodic ones. A handler is the edge of the system:
// it reads the clock (or the instant its cron tick was due) and hands it to the domain as `now`. The periodic
// chores are conditional updates (or hold their own advisory lock), so a tick run twice would change nothing
// twice; graphile-worker's cron already makes each tick one job for all the nodes.
import "server-only";
import type { CronItem, JobHelpers, Task } from "graphile-worker";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { envoyerCourriels } from "@/lib/mail/outbox";
import { expirerAbsencesSansJustificatif } from "@/lib/domain/absence/expirer";
import { envoyerRappelsCloture } from "@/lib/domain/agenda/rappel";
import { figerCommandes } from "@/lib/domain/commande-repas/figer";
import { classerDemandesSansReponse } from "@/lib/domain/demande/classer";
import { DEMARCHES } from "@/lib/domain/demarches";
import { executerFacturation } from "@/lib/domain/facturation/executer";
import { rattraperOperations } from "@/lib/domain/paiement/payfip";
import { rendreCaducs } from "@/lib/domain/prelevement/caducite";
import { emettreRecusDuRun } from "@/lib/domain/prelevement/run-recus";
import { purgeBrouillons } from "@/lib/domain/usager/brouillon";
import { envoyerRappelsVaccin } from "@/lib/domain/sante/rappel-vaccin";
import { rafraichirQuotientsCaf } from "@/lib/domain/facturation/quotient-mensuel";
import { attribuerFenetresCloses } from "@/lib/domain/fenetre/attribuer-closes";
import { expirerOffres } from "@/lib/domain/fenetre/expirer-offres";
import type { NomTravail } from "@/lib/jobs/noms";

/** The instant a cron tick was due (its payload's `_cron.ts`), else now. */
function instant(charge: unknown): Date {
  const ts = (charge as { _cron?: { ts?: string } } | null)?._cron?.ts;
  return ts ? new Date(ts) : new Date();
}

export function taches(enArret: () => boolean): Record<NomTravail, Task> {
  return {
    courriels: async () => {
      await envoyerCourriels(() => !enArret());
    },
    facturation: async (charge, helpers: JobHelpers) => {
      const { runId } = charge as { runId: string };
      await executerFacturation({
        runId,
        continuer: () => !enArret(),
        dernierEssai: helpers.job.attempts >= helpers.job.max_attempts,
      });
    },
    "payfip.rattrapage": async (charge) => {
      const reglages = config.payfip;
      if (!reglages) return;
      await rattraperOperations({ now: instant(charge), reglages });
    },
    "absences.expirer": async (charge) => {
      const refusees = await expirerAbsencesSansJustificatif(DEMARCHES, instant(charge));
      if (refusees > 0) log.info({ evenement: "absences.expirees", nombre: refusees }, "absences expirées");
    },
    "demandes.classer": async (charge) => {
      await classerDemandesSansReponse(DEMARCHES, instant(charge));
    },
    "brouillons.purger": async (charge) => {
      await purgeBrouillons(instant(charge));
    },
    "commandes.figer": async (charge) => {
      await figerCommandes(instant(charge));
    },
    "mandats.caducite": async (charge) => {
      const caducs = await rendreCaducs(instant(charge));
      if (caducs > 0) log.info({ evenement: "mandats.caducs", nombre: caducs }, "mandats SEPA caducs");
    },
    "prelevements.recus": async (charge) => {
      await emettreRecusDuRun((charge as { runId: string }).runId, () => !enArret());
    },
    "rappels.cloture": async (charge) => {
      const envoyes = await envoyerRappelsCloture(instant(charge));
      if (envoyes > 0) log.info({ evenement: "rappels.cloture", nombre: envoyes }, "rappels de clôture envoyés");
    },
    "rappels.vaccins": async (charge) => {
      // a count only: which children, or why, is health data
      const envoyes = await envoyerRappelsVaccin(instant(charge));
      if (envoyes > 0) log.info({ evenement: "rappels.vaccins", nombre: envoyes }, "rappels de dossier santé envoyés");
    },
    "quotients.caf": async (charge) => {
      const reglages = config.apiParticulier;
      if (!reglages) return;
      const bilan = await rafraichirQuotientsCaf({ reglages, now: instant(charge) });
      log.info({ evenement: "quotients.caf", ...bilan }, "quotients familiaux lus auprès de la CAF ou de la MSA");
    },
    "fenetres.attribuer": async (charge) => {
      const fenetres = await attribuerFenetresCloses(instant(charge));
      if (fenetres.length > 0)
        log.info({ evenement: "fenetres.attribuees", fenetres }, "périodes de réservation attribuées");
    },
    "offres.expirer": async (charge) => {
      const passees = await expirerOffres(instant(charge));
      if (passees > 0)
        log.info({ evenement: "offres.expirees", nombre: passees }, "places proposées passées à la suite");
    },
  };
}

/**
 * The periodic jobs. PayFiP's catch-up every 2 minutes (only does something when online payment is configured),
 * the kitchen orders every 5 minutes, the hourly chores, and a sweep of the outbox every 5 minutes for mail whose
 * wake-up was lost (a node killed while sending: its claim's lease runs out, nothing else would look again).
 */
export const PLANNING: CronItem[] = [
  { task: "payfip.rattrapage", match: "*/2 * * * *", identifier: "payfip.rattrapage" },
  { task: "commandes.figer", match: "*/5 * * * *", identifier: "commandes.figer" },
  { task: "courriels", match: "*/5 * * * *", identifier: "courriels" },
  { task: "absences.expirer", match: "7 * * * *", identifier: "absences.expirer" },
  { task: "demandes.classer", match: "17 * * * *", identifier: "demandes.classer" },
  { task: "brouillons.purger", match: "27 * * * *", identifier: "brouillons.purger" },
  // SEPA mandates 36 months without a debit: once a day, at night
  { task: "mandats.caducite", match: "37 3 * * *", identifier: "mandats.caducite" },
  // the day before a booking cutoff: hourly in the daytime (UTC), the first run of the day sends, the next ones
  // find the reminders already sent (RappelCloture) and send nothing more
  { task: "rappels.cloture", match: "47 7-19 * * *", identifier: "rappels.cloture" },
  // a dossier santé whose DT-Polio is out of date: once a day, in the morning (UTC); one mail per child and due date
  { task: "rappels.vaccins", match: "23 8 * * *", identifier: "rappels.vaccins" },
  // the QF of the families that consented, from the CAF or the MSA (API Particulier), on the 2nd of each month at
  // night; a family already read this month is not asked again
  { task: "quotients.caf", match: "13 2 2 * *", identifier: "quotients.caf" },
  // a booking window's allocation, within the minute after its close (one indexed query when none is due)
  { task: "fenetres.attribuer", match: "* * * * *", identifier: "fenetres.attribuer" },
  // a place offered from a window's waiting list passes on once its delay is over: within 5 minutes
  { task: "offres.expirer", match: "*/5 * * * *", identifier: "offres.expirer" },
];
