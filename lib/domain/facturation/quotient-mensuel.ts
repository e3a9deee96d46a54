// The monthly refresh of the QF of the families that consented (a job of the queue, lib/jobs/taches.ts): the
// identity modality of each titulaire, one family after the other. A family already read this month (a QF from
// API Particulier for the current month, Europe/Paris) is not asked again, so a tick run twice asks nothing twice;
// a family that fails (no CAF/MSA file, an identity incomplete, the provider down) is counted and the others go
// on. A refused token stops the run (every call would be refused the same); a 429 waits its Retry-After once.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { ErreurApiParticulier, type ReglagesApiParticulier } from "@/lib/api-particulier/client";
import { lireQuotientCaf, premierDuMois } from "@/lib/domain/facturation/quotient-caf";

export type BilanRafraichissement = { lus: number; nouveaux: number; echecs: number };

const attendre = (secondes: number) => new Promise((resolve) => setTimeout(resolve, Math.min(secondes, 60) * 1000));

export async function rafraichirQuotientsCaf({
  reglages,
  now,
}: {
  reglages: ReglagesApiParticulier;
  now: Date;
}): Promise<BilanRafraichissement> {
  const [annee, mois] = premierDuMois(now).split("-").map(Number);
  const familles = await db().famille.findMany({
    where: {
      consentementQfLe: { not: null },
      quotients: { none: { modalite: { not: null }, annee, mois } },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const bilan: BilanRafraichissement = { lus: 0, nouveaux: 0, echecs: 0 };
  for (const { id } of familles) {
    const lire = () => lireQuotientCaf({ familleId: id, par: { kind: "SYSTEME" }, reglages, now });
    try {
      const lu = await lire().catch(async (error: unknown) => {
        if (!(error instanceof ErreurApiParticulier) || error.type !== "limite") throw error;
        await attendre(error.reessayerDans ?? 1);
        return lire();
      });
      if (lu) {
        bilan.lus += 1;
        if (lu.nouveau) bilan.nouveaux += 1;
      }
    } catch (error) {
      bilan.echecs += 1;
      if (error instanceof ErreurApiParticulier && error.type === "configuration") {
        log.error(
          { evenement: "quotients.caf.configuration", statut: error.statut },
          "API Particulier refuse le jeton",
        );
        break;
      }
      if (!(error instanceof ErreurApiParticulier) && !(error instanceof AppError)) {
        log.warn(
          { evenement: "quotients.caf.echec", erreur: error instanceof Error ? error.name : typeof error },
          "lecture du quotient familial échouée",
        );
      }
    }
  }
  return bilan;
}
