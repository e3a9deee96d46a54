import { db, type Tx } from "@/lib/db";
import { preparer, type Apercu, type Cible } from "@/lib/domain/calendrier/cible";
import type { Jour } from "@/lib/temps/jours";

/** What a generation would write: shown before anything is saved, computed as the save computes it. */
export async function apercuJours(cible: Cible, client: Tx = db()): Promise<Apercu> {
  const p = await preparer(client, cible);
  const retires = p.aRetirer.filter((e) => e.reservees === 0);
  const reserves = p.aRetirer.filter((e) => e.reservees > 0);
  const jours = (liste: { date: Jour }[]) => [...new Set(liste.map((e) => e.date))].sort();
  return {
    ...p.generation,
    joursSemaine: p.joursSemaine,
    ajouts: p.aCreer.length,
    retraits: retires.length,
    retraitsReserves: reserves.length,
    joursAjoutes: jours(p.aCreer),
    joursRetires: jours(retires),
    joursReserves: jours(reserves),
  };
}
