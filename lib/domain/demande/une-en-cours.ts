// The démarches a space may have only one of in progress (changement d'adresse, suppression de l'espace,
// rattachement): created and deposited in one transaction, the partial unique index "Demande_une_en_cours_par_espace"
// settling a race between two submissions (a double click, two tabs).
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCommune } from "@/lib/commune";
import { deposerDans } from "@/lib/domain/demande/deposer";
import { EN_COURS } from "@/lib/domain/demande/queries";
import type { DemarchesConnues } from "@/lib/domain/demande/demarche";
import { Prisma, type TypeDemande } from "@/lib/generated/prisma/client";

/** The types a space may have only one of in progress (the partial unique index "Demande_une_en_cours_par_espace"). */
export type TypeUniqueEnCours = Extract<
  TypeDemande,
  "CHANGEMENT_ADRESSE" | "SUPPRESSION_ESPACE" | "RATTACHEMENT_FAMILLE"
>;

export const demandeEnCours = (client: Tx, usagerId: string, type: TypeUniqueEnCours) =>
  client.demande.findFirst({ where: { usagerId, type, statut: { in: EN_COURS } }, select: { numero: true } });

/**
 * The index refused a second demande in progress: a concurrent request (a double click, another tab) deposited
 * its own between this one's check and its deposit.
 */
export function violeUneEnCours(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("Demande_une_en_cours_par_espace")
  );
}

/**
 * A demande created and deposited in one transaction, for the types allowed once at a time: a failed deposit
 * leaves no draft behind, and of two concurrent submissions one is deposited and the other gets `dejaEnCours`.
 * `preparer` checks what the command needs and says what the demande holds.
 */
export async function deposerUneEnCours({
  usagerId,
  type,
  preparer,
  dejaEnCours,
  demarches,
}: {
  usagerId: string;
  type: TypeUniqueEnCours;
  /** the definition of the démarche deposited (`{ CHANGEMENT_ADRESSE: DEMARCHE_CHANGEMENT_ADRESSE }`) */
  demarches: DemarchesConnues;
  preparer: (tx: Tx) => Promise<{ familleId: string; donnees: Prisma.InputJsonValue }>;
  dejaEnCours: (numero: number) => AppError;
}): Promise<{ numero: number }> {
  const commune = await getCommune();
  try {
    const numero = await db().$transaction(async (tx) => {
      const donnees = await preparer(tx);
      const existante = await demandeEnCours(tx, usagerId, type);
      if (existante?.numero) throw dejaEnCours(existante.numero);
      const demande = await tx.demande.create({ data: { type, usagerId, ...donnees } });
      return deposerDans(tx, { usagerId, demandeId: demande.id, commune, demarches });
    });
    return { numero };
  } catch (error) {
    if (!violeUneEnCours(error)) throw error;
    throw dejaEnCours((await demandeEnCours(db(), usagerId, type))?.numero ?? 0);
  }
}
