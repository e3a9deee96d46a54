// "Supprimer mon espace". A space without a family goes at once: its row is deleted and the foreign keys
// take its sessions, links and demandes (with their history and messages) along; its files are removed after
// the commit; the journal keeps only the fact, under the space's id. A space that holds a family cannot just
// vanish (the family's representant, inscriptions and invoices are the commune's records): it asks the
// agents with a SUPPRESSION_ESPACE demande, whose acceptance detaches the space from the family; the parent
// can then delete it at once.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { journal } from "@/lib/journal";
import { getStorage } from "@/lib/storage/storage";
import { demandeEnCours, deposerUneEnCours } from "@/lib/domain/demande/une-en-cours";
import { DEMARCHE_SUPPRESSION_ESPACE } from "@/lib/domain/usager/demarche-suppression-espace";
import { verifierMotDePasseActuel } from "@/lib/domain/usager/mot-de-passe-actuel";
import type { Usager } from "@/lib/generated/prisma/client";

export const AVEC_FAMILLE =
  "Votre espace est rattaché à une famille : il ne peut être supprimé qu'après l'accord de la mairie.";

export async function supprimerEspace({
  usager,
  motDePasse,
  ip,
}: {
  usager: Usager;
  motDePasse: string;
  ip: string;
}): Promise<void> {
  await verifierMotDePasseActuel(usager, motDePasse, ip);
  const fichiers = await db().$transaction(async (tx) => {
    if (await tx.representant.findFirst({ where: { usagerId: usager.id }, select: { id: true } }))
      throw new AppError("famille", AVEC_FAMILLE);
    const { photoKey } = await tx.usager.findUniqueOrThrow({ where: { id: usager.id }, select: { photoKey: true } });
    const pieces = await tx.demandeMessage.findMany({
      where: { demande: { usagerId: usager.id }, pieceKey: { not: null } },
      select: { pieceKey: true },
    });
    const demandes = await tx.demande.count({ where: { usagerId: usager.id } });
    await tx.essaiCleEnfance.deleteMany({ where: { usagerId: usager.id } });
    await tx.usager.delete({ where: { id: usager.id } });
    await journal(tx, {
      event: "espace.supprime",
      actorKind: "USAGER",
      actorId: usager.id,
      ip,
      details: { demandesSupprimees: demandes },
    });
    return [photoKey, ...pieces.map((p) => p.pieceKey)].filter((key): key is string => Boolean(key));
  });
  // After the commit: a file left behind by a failure here is unreachable (no row points to it any more).
  await Promise.allSettled(fichiers.map((key) => getStorage().remove(key)));
}

export async function suppressionEnCours(usagerId: string): Promise<number | null> {
  return (await demandeEnCours(db(), usagerId, "SUPPRESSION_ESPACE"))?.numero ?? null;
}

/** With a family: the request to the commune, as a demande the agents see in their queue. */
export async function demanderSuppressionEspace({
  usager,
  motDePasse,
  motif,
  ip,
}: {
  usager: Usager;
  motDePasse: string;
  motif?: string;
  ip: string;
}): Promise<{ numero: number }> {
  await verifierMotDePasseActuel(usager, motDePasse, ip);
  return deposerUneEnCours({
    usagerId: usager.id,
    type: "SUPPRESSION_ESPACE",
    demarches: { SUPPRESSION_ESPACE: DEMARCHE_SUPPRESSION_ESPACE },
    async preparer(tx) {
      const representant = await tx.representant.findFirst({
        where: { usagerId: usager.id },
        select: { familleId: true },
      });
      if (!representant)
        throw new AppError(
          "sans_famille",
          "Votre espace n'est rattaché à aucune famille : vous pouvez le supprimer vous-même.",
        );
      return { familleId: representant.familleId, donnees: { motif: motif ?? "" } };
    },
    dejaEnCours: (numero) =>
      new AppError("en_cours", `Votre demande de suppression N° ${numero} est déjà en cours d'instruction.`),
  });
}
