// The kitchen order of a week, per canteen lieu: for each opening day of the week (Monday to Sunday, the days
// with no service left out), the very order the day view shows (lireCommandes: the frozen version, or the
// provisional count before the cutoff), so a week's column is always its day's order. Opening it is journaled
// once, with the week (the counts come from the dossiers santé).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { lireCommandes, type CommandeLieu } from "@/lib/domain/commande-repas/queries";
import { ajouterJours, jourSemaine, type Jour } from "@/lib/temps/jours";

export type SemaineLieu = { lieuId: number; lieu: string; jours: { date: Jour; commande: CommandeLieu }[] };

/** The Monday of a day's week. */
export const lundiDe = (jour: Jour): Jour => ajouterJours(jour, 1 - jourSemaine(jour));

export async function commandesDeLaSemaine({
  agentId,
  jour,
  lieuId,
}: {
  agentId: string;
  /** any day of the week */
  jour: Jour;
  /** one lieu only (its CSV); all of them when absent */
  lieuId?: number;
}): Promise<{ lundi: Jour; dimanche: Jour; lieux: SemaineLieu[] }> {
  const lundi = lundiDe(jour);
  const dimanche = ajouterJours(lundi, 6);
  const dates = Array.from({ length: 7 }, (_, i) => ajouterJours(lundi, i));
  const parJour = await Promise.all(dates.map(async (date) => ({ date, commandes: await lireCommandes(date) })));
  const lieux = new Map<number, SemaineLieu>();
  for (const { date, commandes } of parJour)
    for (const commande of commandes) {
      if (lieuId !== undefined && commande.lieuId !== lieuId) continue;
      const lieu = lieux.get(commande.lieuId) ?? { lieuId: commande.lieuId, lieu: commande.lieu, jours: [] };
      lieu.jours.push({ date, commande });
      lieux.set(commande.lieuId, lieu);
    }
  await journal(db(), {
    event: "commande_repas.lecture",
    actorKind: "AGENT",
    actorId: agentId,
    details: { debut: lundi, fin: dimanche, ...(lieuId !== undefined ? { lieuId } : {}) },
  });
  return { lundi, dimanche, lieux: [...lieux.values()] };
}
