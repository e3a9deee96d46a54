// The kitchen order of a day, as the console and its CSV show it: per canteen lieu and unit, the number of
// meals, the diets, allergens and P.A.I. to plan (counts, never names), the version frozen at the cutoff or
// after a later change with its difference from the one before, or, before the cutoff, the provisional count.
// Opening it is journaled (the counts come from the dossiers santé).
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { cleCommande, commandesActuelles, type Besoins, type Commande } from "@/lib/domain/commande-repas/calcul";
import { clotureCommande } from "@/lib/domain/commande-repas/cloture";
import { ouvrirBesoins } from "@/lib/domain/commande-repas/coffre";
import { dateHeure } from "@/lib/temps/dates";
import { dateDeJour, type Jour } from "@/lib/temps/jours";

type Compte = [libelle: string, nombre: number][];
export type LigneCommande = {
  unite: string;
  nombre: number;
  regimes: Compte;
  allergenes: Compte;
  pai: number;
  /** the difference from the previous version (null: first version or provisional) */
  ecart: { nombre: number; regimes: Compte; allergenes: Compte; pai: number } | null;
};
export type CommandeLieu = {
  lieuId: number;
  lieu: string;
  cloture: Date | null;
  version: number | null;
  figeeLe: Date | null;
  lignes: LigneCommande[];
};

export const trie = (compte: Record<string, number>): Compte =>
  Object.entries(compte)
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => a.localeCompare(b, "fr"));

function difference(apres: Record<string, number>, avant: Record<string, number>): Compte {
  const cles = new Set([...Object.keys(apres), ...Object.keys(avant)]);
  return trie(Object.fromEntries([...cles].map((cle) => [cle, (apres[cle] ?? 0) - (avant[cle] ?? 0)])));
}

const VIDE: Besoins = { regimes: {}, allergenes: {}, pai: 0 };

export async function commandesDuJour({ agentId, date }: { agentId: string; date: Jour }): Promise<CommandeLieu[]> {
  const commandes = await lireCommandes(date);
  await journal(db(), { event: "commande_repas.lecture", actorKind: "AGENT", actorId: agentId, details: { date } });
  return commandes;
}

/** The order of a day, unjournaled: the caller journals the reading (a day, a week). */
export async function lireCommandes(date: Jour): Promise<CommandeLieu[]> {
  const jours = await db().jourOuverture.findMany({
    where: { date: dateDeJour(date), unite: { activite: { type: "RESTAURATION" } } },
    orderBy: [{ lieu: { activite: { ordre: "asc" } } }, { lieu: { ordre: "asc" } }, { unite: { ordre: "asc" } }],
    select: {
      id: true,
      lieuId: true,
      uniteId: true,
      date: true,
      unite: { select: { libelle: true } },
      lieu: { select: { nom: true, activite: { select: { delaiReservation: true, delaiAnnulation: true } } } },
    },
  });
  if (jours.length === 0) return [];
  const lieuIds = [...new Set(jours.map((j) => j.lieuId))];
  const versions = await db().commandeRepas.findMany({
    where: { date: dateDeJour(date), lieuId: { in: lieuIds } },
    orderBy: { version: "desc" },
  });
  // the lieux not frozen yet: their provisional count
  const provisoires = await commandesActuelles(
    db(),
    jours.filter((j) => !versions.some((v) => v.lieuId === j.lieuId)),
  );
  return lieuIds.map((lieuId) => {
    const unites = jours.filter((j) => j.lieuId === lieuId);
    const [derniere, precedente] = versions.filter((v) => v.lieuId === lieuId);
    const lire = (v: typeof derniere): Commande | null =>
      v ? { comptes: v.comptes as Record<string, number>, besoins: ouvrirBesoins(v) } : null;
    const courante = lire(derniere) ?? provisoires.get(cleCommande(lieuId, date))!;
    const avant = lire(precedente);
    return {
      lieuId,
      lieu: unites[0]!.lieu.nom,
      cloture: clotureCommande(unites[0]!.lieu.activite, date),
      version: derniere?.version ?? null,
      figeeLe: derniere?.figeeLe ?? null,
      lignes: unites.map((j): LigneCommande => {
        const u = String(j.uniteId);
        const besoins = courante.besoins[u] ?? VIDE;
        const nombre = courante.comptes[u] ?? 0;
        const ancien = avant ? (avant.besoins[u] ?? VIDE) : null;
        return {
          unite: j.unite.libelle,
          nombre,
          regimes: trie(besoins.regimes),
          allergenes: trie(besoins.allergenes),
          pai: besoins.pai,
          ecart:
            avant && ancien
              ? {
                  nombre: nombre - (avant.comptes[u] ?? 0),
                  regimes: difference(besoins.regimes, ancien.regimes),
                  allergenes: difference(besoins.allergenes, ancien.allergenes),
                  pai: besoins.pai - ancien.pai,
                }
              : null,
        };
      }),
    };
  });
}

/** "Sans porc (2), Végétarien (1)"; "+1 Sans porc, −1 Arachides" for a difference. */
export const enClair = (compte: Compte) => compte.map(([libelle, n]) => `${libelle} (${n})`).join(", ");
export const signe = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");
export const ecartEnClair = (compte: Compte) => compte.map(([libelle, n]) => `${signe(n)} ${libelle}`).join(", ");

/** "+1 repas ; +1 Sans porc ; +1 PAI": a line's difference from the previous version, as the page and CSV say it. */
export const ecartLigneEnClair = (ecart: NonNullable<LigneCommande["ecart"]>) =>
  [
    `${signe(ecart.nombre)} repas`,
    ecartEnClair(ecart.regimes),
    ecartEnClair(ecart.allergenes),
    ecart.pai ? `${signe(ecart.pai)} PAI` : "",
  ]
    .filter(Boolean)
    .join(" ; ");

/** "Version 2, figée le … (changement après la clôture).", or when the provisional count closes. */
export function etatEnClair(c: Pick<CommandeLieu, "version" | "figeeLe" | "cloture">): string {
  if (c.version !== null && c.figeeLe)
    return `Version ${c.version}, figée le ${dateHeure(c.figeeLe)}${c.version > 1 ? " (changement après la clôture)" : " (clôture des réservations)"}.`;
  return c.cloture
    ? `Provisoire : les réservations de ce jour ferment le ${dateHeure(new Date(c.cloture.getTime() - 60_000))}.`
    : "Provisoire : aucun délai de réservation n'est paramétré.";
}
