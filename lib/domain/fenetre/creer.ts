// Creates a booking window (« du 1er au 15 juin ») in ONE transaction: the window with its seed, its units, its
// published criteria and their points, and its history row through the one gate (franchirFenetre "creer").
// The seed is drawn here, with crypto, and never changes: its SHA-256 fingerprint is shown while the requests
// are collected and the seed itself once allocated, so nobody can compute the draw in advance and anyone can
// check it afterwards (lib/domain/fenetre/verifier.ts).
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { exigerAgentActif } from "@/lib/domain/agent/actif";
import { franchirFenetre } from "@/lib/domain/fenetre/transitions";
import { CRITERES, type SaisieFenetre } from "@/lib/domain/fenetre/schemas";
import { dateDeJour } from "@/lib/temps/jours";

export type NouvelleFenetre = SaisieFenetre & { agentId: string; uniteIds: number[]; now: Date };

export const SANS_CAPACITE = "Sans capacité, les réservations restent au premier arrivé.";

export async function creerFenetre(saisie: NouvelleFenetre): Promise<{ id: number }> {
  const { agentId, uniteIds, now } = saisie;
  if (uniteIds.length === 0) throw new AppError("unites", "Choisissez au moins une unité avec une capacité.", "unites");
  return db().$transaction(async (tx) => {
    await exigerAgentActif(tx, agentId);
    await verifierUnites(tx, saisie);
    const fenetre = await tx.fenetreReservation.create({
      data: {
        libelle: saisie.libelle,
        activiteId: saisie.activiteId,
        debut: dateDeJour(saisie.debut),
        fin: dateDeJour(saisie.fin),
        ouverture: saisie.ouverture,
        fermeture: saisie.fermeture,
        delaiOffreHeures: saisie.delaiOffreHeures,
        graine: randomBytes(16).toString("hex"),
        creeeParId: agentId,
        createdAt: now,
        unites: { create: uniteIds.map((uniteId) => ({ uniteId })) },
        criteres: {
          create: CRITERES.flatMap(({ critere }, ordre) => {
            const points = saisie.points[critere];
            return points > 0 ? [{ critere, points, ordre }] : [];
          }),
        },
      },
      select: { id: true },
    });
    await franchirFenetre(tx, {
      fenetreId: fenetre.id,
      transition: "creer",
      acteur: "AGENT",
      acteurId: agentId,
      now,
    });
    return fenetre;
  });
}

/**
 * The units are the activity's own, each with a capacity (a window allocates places: without a number of
 * places there is nothing to allocate), and none is already in a collecting window over any of these days.
 * Their rows are locked first, so two agents creating overlapping windows at once cannot both succeed.
 */
async function verifierUnites(
  tx: Tx,
  { activiteId, uniteIds, debut, fin }: Pick<NouvelleFenetre, "activiteId" | "uniteIds" | "debut" | "fin">,
) {
  const activite = await tx.activite.findUnique({ where: { id: activiteId }, select: { id: true } });
  if (!activite) throw new AppError("activite", "Choisissez l'activité.", "activiteId");
  const unites = await tx.$queryRaw<{ id: number; libelle: string; capacite: number | null; activiteId: number }[]>`
    SELECT id, libelle, capacite, "activiteId" FROM "Unite" WHERE id = ANY(${uniteIds}::int[]) ORDER BY id FOR UPDATE`;
  if (unites.length !== new Set(uniteIds).size || unites.some((u) => u.activiteId !== activiteId))
    throw new AppError("unites", "Choisissez des unités de l'activité choisie.", "unites");
  const sansCapacite = unites.find((u) => u.capacite === null);
  if (sansCapacite) throw new AppError("capacite", `« ${sansCapacite.libelle} » : ${SANS_CAPACITE}`, "unites");
  const chevauchante = await tx.fenetreReservation.findFirst({
    where: {
      statut: "COLLECTE",
      debut: { lte: dateDeJour(fin) },
      fin: { gte: dateDeJour(debut) },
      unites: { some: { uniteId: { in: uniteIds } } },
    },
    select: { libelle: true },
  });
  if (chevauchante)
    throw new AppError(
      "chevauchement",
      `La période « ${chevauchante.libelle} » recueille déjà les demandes de ces unités sur une partie de ces jours.`,
      "unites",
    );
}
