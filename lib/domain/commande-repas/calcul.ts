// What a lieu's kitchen must cook on a day, per unit (Menu Classique, Menu Végétarien): the number of children
// booked (RESERVEE: a cancelled day, a waiting list or an absence is not a meal), and the diets, allergens and
// P.A.I. to plan, as counts without names, from each child's current dossier santé.
import type { Tx } from "@/lib/db";
import { drapeauxSante } from "@/lib/domain/pointage/fiches";
import { jourDeDate, type Jour } from "@/lib/temps/jours";

export type Besoins = { regimes: Record<string, number>; allergenes: Record<string, number>; pai: number };
/** By unit id (as a string: the shape stored as JSON) */
export type Commande = { comptes: Record<string, number>; besoins: Record<string, Besoins> };

export const cleCommande = (lieuId: number, date: Jour) => `${lieuId}|${date}`;

const compter = (compte: Record<string, number>, libelle: string) => {
  compte[libelle] = (compte[libelle] ?? 0) + 1;
};

/** The current order of each opening day given (its lieu and date), by cleCommande. */
export async function commandesActuelles(
  tx: Tx,
  jours: { id: number; lieuId: number; uniteId: number; date: Date }[],
): Promise<Map<string, Commande>> {
  const commandes = new Map<string, Commande>();
  const jourDe = new Map(jours.map((j) => [j.id, j]));
  for (const j of jours) {
    const cle = cleCommande(j.lieuId, jourDeDate(j.date));
    const commande = commandes.get(cle) ?? { comptes: {}, besoins: {} };
    commande.comptes[String(j.uniteId)] = 0;
    commande.besoins[String(j.uniteId)] = { regimes: {}, allergenes: {}, pai: 0 };
    commandes.set(cle, commande);
  }
  const reservations = await tx.reservation.findMany({
    where: { jourId: { in: jours.map((j) => j.id) }, statut: "RESERVEE" },
    select: { enfantId: true, jourId: true },
  });
  const drapeaux = await drapeauxSante(
    tx,
    reservations.map((r) => r.enfantId),
  );
  for (const r of reservations) {
    const j = jourDe.get(r.jourId)!;
    const commande = commandes.get(cleCommande(j.lieuId, jourDeDate(j.date)))!;
    const unite = String(j.uniteId);
    commande.comptes[unite]! += 1;
    const d = drapeaux.get(r.enfantId);
    if (!d) continue;
    const besoins = commande.besoins[unite]!;
    for (const regime of d.regimes) compter(besoins.regimes, regime);
    for (const allergene of d.allergies) compter(besoins.allergenes, allergene);
    if (d.pai) besoins.pai += 1;
  }
  return commandes;
}

/** The same order, whatever the order of its keys. */
export function memeCommande(a: Commande, b: Commande): boolean {
  const canonique = (valeur: unknown): unknown =>
    valeur && typeof valeur === "object"
      ? Object.fromEntries(
          Object.entries(valeur)
            .filter(([, v]) => v !== 0)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, v]) => [k, canonique(v)]),
        )
      : valeur;
  return JSON.stringify(canonique(a)) === JSON.stringify(canonique(b));
}
