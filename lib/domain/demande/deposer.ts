// VALIDER: the parent deposits a draft (or sends back a demande the agents asked to complete). The demande
// gets its number from the sequence at its first deposit, the suivi token of its mail, and what its type
// records at deposit; the deposit mail is queued in the same transaction and leaves after the commit.
import { db, type Tx } from "@/lib/db";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { journal } from "@/lib/journal";
import { getCommune } from "@/lib/commune";
import { demandeIntrouvable, franchir } from "@/lib/domain/demande/transition";
import {
  definitionDe,
  intituleDemande,
  verifierVersion,
  type Demarches,
  type DemarchesConnues,
} from "@/lib/domain/demande/demarche";
import { queueDepotMail } from "@/lib/domain/demande/mails";
import type { Commune } from "@/lib/generated/prisma/client";

export async function deposerDemande({
  usagerId,
  demandeId,
  demarches,
}: {
  usagerId: string;
  demandeId: string;
  /** the registry (lib/domain/demarches.ts): what the demande's type checks and records at deposit */
  demarches: Demarches;
}): Promise<{ numero: number }> {
  const commune = await getCommune();
  const numero = await db().$transaction((tx) => deposerDans(tx, { usagerId, demandeId, commune, demarches }));
  return { numero };
}

/** The deposit inside the caller's transaction: its mail leaves once that transaction commits. */
export async function deposerDans(
  tx: Tx,
  {
    usagerId,
    demandeId,
    commune,
    demarches,
  }: {
    usagerId: string;
    demandeId: string;
    commune: Commune;
    /** the registry, or the definition of the démarche the calling aggregate deposits */
    demarches: DemarchesConnues;
  },
): Promise<number> {
  const actuelle = await tx.demande.findFirst({ where: { id: demandeId, usagerId } });
  if (!actuelle) throw demandeIntrouvable();
  const definition = definitionDe(demarches, actuelle.type);
  verifierVersion(definition, actuelle);
  definition.verifierDepot(actuelle.donnees);
  const transition = actuelle.statut === "A_COMPLETER" ? "redeposer" : "deposer";
  await franchir(tx, { demandeId, transition, acteur: { kind: "USAGER", usagerId } });

  // Only for a row that has none yet: a demande sent back after a complément keeps its number.
  const [row] = await tx.$queryRaw<{ numero: number }[]>`
    UPDATE "Demande" SET numero = COALESCE(numero, nextval('demande_numero_seq')::int) WHERE id = ${demandeId} RETURNING numero`;
  const numero = row!.numero;
  const suiviToken = transition === "deposer" ? newToken() : null;
  const demande = await tx.demande.update({
    where: { id: demandeId },
    data: { etape: 1, ...(suiviToken ? { suiviTokenHash: hashToken(suiviToken) } : {}) },
    include: { usager: true },
  });
  await definition.auDepot?.(tx, demande);
  if (suiviToken)
    await queueDepotMail(tx, {
      demande: { ...demande, numero },
      usager: demande.usager,
      commune,
      suiviToken,
      typeLibelle: intituleDemande(demarches, demande),
    });
  await journal(tx, { event: `demande.${transition}`, actorKind: "USAGER", actorId: usagerId, details: { numero } });
  return numero;
}
