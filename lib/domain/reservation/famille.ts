// "Enregistrer" of the family booking view: every child × activity the parent changed, in ONE transaction, and
// ONE recap mail for the family, to the parent who saved. Each inscription's days are checked and written by
// the per-child save's own code (enregistrer.ts appliquerDans), so the rules are the same: a refused day is in
// its inscription's bilan with its reason and the others are written; an inscription that is not the parent's
// makes the whole save fail (404), nothing written.
//
// Locks: every child of the save in id order, then every opening day with a capacity the save touches in id
// order, each in one statement, before any day is checked: two family saves (or a family save and a per-child
// save, which lock the child then its days) always take their locks in the same order and cannot deadlock.
import { db } from "@/lib/db";
import { dateDeJour, estJour } from "@/lib/temps/jours";
import {
  aChange,
  appliquerDans,
  reservationsIntrouvables,
  type Bilan,
  type Changement,
  type Sauvegarde,
} from "@/lib/domain/reservation/enregistrer";
import { envoyerRecapFamille, ligneRecap } from "@/lib/domain/reservation/recap";

export type ChangementFamille = Changement & { inscriptionId: string };
export type BilanInscription = {
  inscriptionId: string;
  enfantId: string;
  prenom: string;
  activite: string;
  bilan: Bilan;
};
export type BilanFamille = { inscriptions: BilanInscription[] };

/**
 * An inscription that is not the caller's households' (or not ACTIVE) → throws reservationsIntrouvables() (404),
 * nothing written. A day refused for one child (deadline, capacity, unit not subscribed, exclusive menu...) is in
 * that inscription's bilan.refus with its reason; the other days of every child are written.
 */
export async function enregistrerPourLaFamille({
  usagerId,
  changements,
  now = new Date(),
}: {
  usagerId: string;
  changements: ChangementFamille[];
  now?: Date;
}): Promise<BilanFamille> {
  const parInscription = new Map<string, Changement[]>();
  for (const { inscriptionId, ...c } of changements) {
    if (!estJour(c.date)) throw reservationsIntrouvables();
    parInscription.set(inscriptionId, [...(parInscription.get(inscriptionId) ?? []), c]);
  }
  if (parInscription.size === 0) return { inscriptions: [] };
  return db().$transaction(async (tx) => {
    const inscriptions = await tx.inscription.findMany({
      where: {
        id: { in: [...parInscription.keys()] },
        statut: "ACTIVE",
        famille: { representants: { some: { usagerId } } },
      },
      orderBy: [{ enfantId: "asc" }, { id: "asc" }],
      select: { id: true, enfantId: true, lieuId: true, activite: { select: { unites: { select: { id: true } } } } },
    });
    if (inscriptions.length !== parInscription.size) throw reservationsIntrouvables();

    const enfants = [...new Set(inscriptions.map((i) => i.enfantId))];
    await tx.$queryRaw`SELECT id FROM "Enfant" WHERE id = ANY(${enfants}::text[]) ORDER BY id FOR UPDATE`;
    const limites = await tx.jourOuverture.findMany({
      where: {
        capacite: { not: null },
        OR: inscriptions.map((i) => ({
          lieuId: i.lieuId,
          uniteId: { in: i.activite.unites.map((u) => u.id) },
          date: { in: [...new Set(parInscription.get(i.id)!.map((c) => c.date))].map(dateDeJour) },
        })),
      },
      select: { id: true },
    });
    if (limites.length > 0) {
      const ids = limites.map((j) => j.id);
      await tx.$queryRaw`SELECT id FROM "JourOuverture" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
    }

    const sauvegardes: Sauvegarde[] = [];
    for (const i of inscriptions) {
      const auteur = { kind: "USAGER", usagerId } as const;
      sauvegardes.push(
        await appliquerDans(tx, { auteur, inscriptionId: i.id, changements: parInscription.get(i.id)!, now }),
      );
    }

    // told child by child (their first names in order), each child's activities in order
    sauvegardes.sort(
      (a, b) =>
        a.inscription.enfant.prenoms.localeCompare(b.inscription.enfant.prenoms, "fr") ||
        a.inscription.enfantId.localeCompare(b.inscription.enfantId) ||
        a.inscription.activite.libelle.localeCompare(b.inscription.activite.libelle, "fr"),
    );
    const changees = sauvegardes.filter((s) => aChange(s.bilan));
    if (changees.length > 0) {
      const destinataire = await tx.usager.findUniqueOrThrow({
        where: { id: usagerId },
        select: { id: true, courriel: true, civilite: true, nomUsage: true },
      });
      await envoyerRecapFamille(tx, {
        destinataire,
        sections: changees.map(({ bilan, inscription, unites }) => {
          const ligne = (c: Changement) => ligneRecap(c.date, unites.get(c.uniteId)!.libelle);
          return {
            enfant: inscription.enfant.prenoms,
            activite: inscription.activite.libelle,
            reservees: bilan.reservees.map(ligne),
            enAttente: bilan.enAttente.map(ligne),
            aValider: bilan.aValider.map(ligne),
            demandees: bilan.demandees.map(ligne),
            annulees: bilan.annulees.map(ligne),
          };
        }),
      });
    }
    return {
      inscriptions: sauvegardes.map(({ bilan, inscription }) => ({
        inscriptionId: inscription.id,
        enfantId: inscription.enfantId,
        prenom: inscription.enfant.prenoms,
        activite: inscription.activite.libelle,
        bilan,
      })),
    };
  });
}
