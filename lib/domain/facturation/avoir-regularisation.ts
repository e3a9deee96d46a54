// The avoir de régularisation: days credited (or charged) back after their invoice, on a numbered credit note
// of the AV series whose lines are the ledger's (LigneAvoir, signed like the lines they correct). Issued by the
// run when a family's régularisations outweigh what it owes for the month (a negative total is never an
// invoice), or at once by an agent holding FACTURATION for a family's pending credits, instead of waiting for its
// next invoice. Its amount is the family's credit, spent on its oldest open invoices (appliquerCredits).
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { totalDesLignes, type Ligne } from "@/lib/domain/facturation/calcul";
import { exigerFacturation } from "@/lib/domain/facturation/habilitation";
import { inserer } from "@/lib/inserer";
import { COLONNES_AVOIR, COLONNES_LIGNE_AVOIR } from "@/lib/domain/facturation/colonnes";
import { formaterNumero, reserverNumeros, SERIE_AVOIR } from "@/lib/argent/numerotation";
import { regularisationsDe } from "@/lib/domain/facturation/regularisation";
import { appliquerCredits, verrouillerComptes } from "@/lib/domain/paiement/compte";
import { jourDeDate, jourParis, type Jour } from "@/lib/temps/jours";

export const MOTIF_REGULARISATION = "Régularisation de jours déjà facturés";

/**
 * Writes one avoir per family (numbered in one reservation of the counter) with its lines; returns their
 * numbers. Each family's lines must total a credit (a negative sum).
 */
export async function ecrireAvoirsDeRegularisation(
  tx: Tx,
  avoirs: { familleId: string; lignes: Ligne[] }[],
  {
    emission,
    instant,
    agentId = null,
    motif = MOTIF_REGULARISATION,
  }: { emission: Jour; instant: Date; agentId?: string | null; motif?: string },
): Promise<{ familleId: string; numero: string; montantCentimes: number }[]> {
  if (avoirs.length === 0) return [];
  const annee = Number(emission.slice(0, 4));
  const premier = await reserverNumeros(tx, SERIE_AVOIR, annee, avoirs.length);
  const ecrits = avoirs.map((a, i) => ({
    id: randomUUID(),
    numero: formaterNumero(SERIE_AVOIR, annee, premier + i),
    serie: SERIE_AVOIR,
    annee,
    sequence: premier + i,
    familleId: a.familleId,
    montantCentimes: -totalDesLignes(a.lignes),
    motif,
    emisLe: emission,
    parAgentId: agentId,
    creeLe: instant,
    lignes: a.lignes,
  }));
  if (ecrits.some((a) => a.montantCentimes <= 0)) throw new Error("un avoir de régularisation crédite la famille");
  await inserer(tx, "Avoir", COLONNES_AVOIR, ecrits);
  await inserer(
    tx,
    "LigneAvoir",
    COLONNES_LIGNE_AVOIR,
    ecrits.flatMap((a) => a.lignes.map((l, ordre) => ({ ...l, id: randomUUID(), avoirId: a.id, ordre }))),
  );
  return ecrits.map(({ familleId, numero, montantCentimes }) => ({ familleId, numero, montantCentimes }));
}

/** The month after the last one invoiced by `now`: the régularisations pending are those of the months before. */
async function apresLeDernierMois(now: Date): Promise<Jour | null> {
  const dernier = await db().runFacturation.findFirst({
    where: { statut: "TERMINE", debut: { lte: now } },
    orderBy: { mois: "desc" },
    select: { mois: true },
  });
  if (!dernier) return null;
  const [annee, mois] = jourDeDate(dernier.mois).split("-").map(Number) as [number, number];
  return mois === 12 ? `${annee + 1}-01-01` : `${annee}-${String(mois + 1).padStart(2, "0")}-01`;
}

/** A family's régularisations not yet on an invoice or an avoir, for the console (day, reason, amount). */
export async function regularisationsEnAttente(familleId: string, now: Date): Promise<Ligne[]> {
  const mois = await apresLeDernierMois(now);
  if (!mois) return [];
  return (await regularisationsDe([familleId], mois)).get(familleId) ?? [];
}

/**
 * The agent's choice: the family's pending credits (its negative régularisations) on an avoir now, spent at once
 * on its open invoices. Positive ones stay for the next invoice. One transaction, journaled.
 */
export async function emettreAvoirDeRegularisation({
  familleId,
  agentId,
  now,
}: {
  familleId: string;
  agentId: string;
  now: Date;
}): Promise<{ numero: string; montantCentimes: number }> {
  await exigerFacturation({ id: agentId });
  return db().$transaction(
    async (tx) => {
      // the account's lock first: a second agent's click waits, then finds the credits already on this avoir
      await verrouillerComptes(tx, [familleId]);
      const credits = (await regularisationsEnAttente(familleId, now)).filter((l) => l.montantCentimes < 0);
      if (credits.length === 0) {
        throw new AppError("AUCUNE_REGULARISATION", "Cette famille n'a aucune régularisation en sa faveur en attente.");
      }
      const [avoir] = await ecrireAvoirsDeRegularisation(tx, [{ familleId, lignes: credits }], {
        emission: jourParis(now),
        instant: now,
        agentId,
      });
      await appliquerCredits(tx, [familleId]);
      await journal(tx, {
        event: "facturation.avoir_regularisation",
        actorKind: "AGENT",
        actorId: agentId,
        details: { famille: familleId, avoir: avoir!.numero, montantCentimes: avoir!.montantCentimes },
      });
      return { numero: avoir!.numero, montantCentimes: avoir!.montantCentimes };
    },
    { timeout: 30_000 },
  );
}
