// The démarches a parent makes about their validated family (a child, a co-représentant added or removed): the
// family is the one the caller's own space represents, never an id from the form; the demande is created and
// deposited in one transaction (a failed check leaves no draft behind), and `preparer` checks, inside it, what
// the démarche needs of the family as it is now.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCommune } from "@/lib/commune";
import { deposerDans } from "@/lib/domain/demande/deposer";
import { EN_COURS } from "@/lib/domain/demande/queries";
import type { DemarchesConnues } from "@/lib/domain/demande/demarche";
import type { Prisma, RoleRepresentant, TypeDemande } from "@/lib/generated/prisma/client";

export type TypeDemandeFamille = Extract<
  TypeDemande,
  "AJOUT_ENFANT" | "AJOUT_CO_REPRESENTANT" | "RETRAIT_CO_REPRESENTANT"
>;

/** The representant this space is in its family, or an AppError: these démarches need a validated family. */
export async function representantDuUsager(tx: Tx, usagerId: string) {
  const representant = await tx.representant.findFirst({
    where: { usagerId },
    select: { id: true, role: true, familleId: true, adresseId: true },
  });
  if (!representant)
    throw new AppError(
      "sans_famille",
      "Votre espace n'est rattaché à aucune famille validée : déclarez d'abord votre famille.",
    );
  return representant;
}

/** The demande of that type in progress for the family (whoever of its representants deposited it). */
export const demandeFamilleEnCours = (client: Tx, familleId: string, type: TypeDemandeFamille) =>
  client.demande.findFirst({
    where: { familleId, type, statut: { in: EN_COURS } },
    select: { numero: true },
    orderBy: { createdAt: "asc" },
  });

export async function deposerPourSaFamille({
  usagerId,
  type,
  demarches,
  preparer,
}: {
  usagerId: string;
  type: TypeDemandeFamille;
  demarches: DemarchesConnues;
  preparer: (
    tx: Tx,
    representant: { id: string; role: RoleRepresentant; familleId: string; adresseId: string },
  ) => Promise<Prisma.InputJsonValue>;
}): Promise<{ numero: number }> {
  const commune = await getCommune();
  const numero = await db().$transaction(async (tx) => {
    const representant = await representantDuUsager(tx, usagerId);
    // one demande about the family's people at a time is decided in the family's row order: the lock makes two
    // concurrent deposits (two tabs, both parents) read each other's
    await tx.$queryRaw`SELECT id FROM "Famille" WHERE id = ${representant.familleId} FOR UPDATE`;
    const donnees = await preparer(tx, representant);
    const demande = await tx.demande.create({
      data: { type, usagerId, familleId: representant.familleId, donnees },
    });
    return deposerDans(tx, { usagerId, demandeId: demande.id, commune, demarches });
  });
  return { numero };
}
