// figerCommandes(now): every canteen day whose cutoff has passed gets its kitchen order frozen as version 1;
// a day already frozen whose order changed since (an agent's booking or cancellation outside the deadlines, an
// illness) gets a new version, so the kitchen sees the difference. Called when the console's page is opened and
// by `npm run commandes:figer` (a job run every few minutes). Idempotent: nothing changed, nothing written. One
// transaction, serialized by an advisory lock, so two calls at once never write the same version twice. When
// the commune set a caterer's address, what froze is mailed to it in that transaction (traiteur.ts).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { journal } from "@/lib/journal";
import { cleCommande, commandesActuelles, memeCommande, type Commande } from "@/lib/domain/commande-repas/calcul";
import { clotureCommande } from "@/lib/domain/commande-repas/cloture";
import { ouvrirBesoins, scellerBesoins } from "@/lib/domain/commande-repas/coffre";
import { envoyerAuTraiteur, type Figee } from "@/lib/domain/commande-repas/traiteur";
import { ajouterJours, dateDeJour, jourDeDate, jourParis, type Jour } from "@/lib/temps/jours";

/** How far ahead a cutoff may fall ("le 20 du mois précédent" is up to six weeks before the day). */
const HORIZON_JOURS = 45;
const VERROU = 0x636d6465; // "cmde"

export type VersionFigee = { lieuId: number; date: Jour; version: number };

export async function figerCommandes(now: Date): Promise<VersionFigee[]> {
  const aujourdhui = jourParis(now);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${VERROU}::bigint)`;
    const activites = await tx.activite.findMany({
      where: { type: "RESTAURATION" },
      select: { id: true, delaiReservation: true, delaiAnnulation: true },
    });
    const jours = await tx.jourOuverture.findMany({
      where: {
        unite: { activiteId: { in: activites.map((a) => a.id) } },
        date: { gte: dateDeJour(aujourdhui), lte: dateDeJour(ajouterJours(aujourdhui, HORIZON_JOURS)) },
      },
      select: { id: true, lieuId: true, uniteId: true, date: true, unite: { select: { activiteId: true } } },
    });
    const delais = new Map(activites.map((a) => [a.id, a]));
    const clotures = new Map<string, Date>();
    const clos = jours.filter((j) => {
      const cloture = clotureCommande(delais.get(j.unite.activiteId)!, jourDeDate(j.date));
      if (cloture !== null) clotures.set(cleCommande(j.lieuId, jourDeDate(j.date)), cloture);
      return cloture !== null && cloture.getTime() <= now.getTime();
    });
    if (clos.length === 0) return [];
    const actuelles = await commandesActuelles(tx, clos);
    const versions = await tx.commandeRepas.findMany({
      where: {
        lieuId: { in: [...new Set(clos.map((j) => j.lieuId))] },
        date: { in: [...new Set(clos.map((j) => j.date.getTime()))].map((t) => new Date(t)) },
      },
      orderBy: { version: "desc" },
    });
    const derniere = new Map<string, (typeof versions)[number]>();
    for (const v of versions) {
      const cle = cleCommande(v.lieuId, jourDeDate(v.date));
      if (!derniere.has(cle)) derniere.set(cle, v);
    }
    const figees: Figee[] = [];
    for (const [cle, commande] of actuelles) {
      const precedente = derniere.get(cle);
      if (precedente) {
        const avant: Commande = {
          comptes: precedente.comptes as Record<string, number>,
          besoins: ouvrirBesoins(precedente),
        };
        if (memeCommande(avant, commande)) continue;
      }
      const [lieuId, date] = cle.split("|") as [string, Jour];
      const id = randomUUID();
      const version = (precedente?.version ?? 0) + 1;
      await tx.commandeRepas.create({
        data: {
          id,
          lieuId: Number(lieuId),
          date: dateDeJour(date),
          version,
          comptes: commande.comptes,
          besoinsChiffres: scellerBesoins(id, commande.besoins),
          figeeLe: now,
        },
      });
      figees.push({ lieuId: Number(lieuId), date, version, commande, cloture: clotures.get(cle)! });
    }
    if (figees.length === 0) return [];
    const resultat: VersionFigee[] = figees.map(({ lieuId, date, version }) => ({ lieuId, date, version }));
    const courriels = await envoyerAuTraiteur(tx, figees);
    await journal(tx, {
      event: "commande_repas.figee",
      actorKind: "SYSTEME",
      details: {
        versions: resultat,
        lieuIds: [...new Set(resultat.map((v) => v.lieuId))],
        courrielsTraiteur: courriels,
      },
    });
    return resultat;
  });
}
