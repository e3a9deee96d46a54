// The schedule of PayFiP's catch-up job (rattraperOperations in lib/domain/paiement/payfip.ts): every node runs
// it every RATTRAPAGE_MS from instrumentation.ts when online payment is configured. Two nodes asking at once
// change nothing twice (each closing is a conditional update), so no lock is needed.
import "server-only";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { rattraperOperations } from "@/lib/domain/paiement/payfip";

export const RATTRAPAGE_MS = 2 * 60 * 1000;

let minuterie: NodeJS.Timeout | undefined;

export function demarrerRattrapagePayfip(intervalle = RATTRAPAGE_MS): void {
  const reglages = config.payfip;
  if (minuterie || !reglages) return;
  minuterie = setInterval(() => {
    rattraperOperations({ now: new Date(), reglages }).catch((error: unknown) =>
      log.warn(
        { evenement: "payfip.rattrapage.echec", cause: error instanceof Error ? error.message : "erreur" },
        "rattrapage des paiements PayFiP échoué",
      ),
    );
  }, intervalle);
  minuterie.unref();
}

export function arreterRattrapagePayfip(): void {
  clearInterval(minuterie);
  minuterie = undefined;
}
