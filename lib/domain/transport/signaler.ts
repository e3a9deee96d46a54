// « Transport scolaire » of a child: the parent's answer becomes a demande for the agents, created and deposited
// in one transaction (a failed deposit leaves no draft). Only for a child of the caller's household, only when the
// commune names its operator, and one in progress per child at a time.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getCommune } from "@/lib/commune";
import { deposerDans } from "@/lib/domain/demande/deposer";
import { EN_COURS } from "@/lib/domain/demande/queries";
import { DEMARCHE_TRANSPORT_SCOLAIRE, erreurTransport, type DonneesTransport } from "@/lib/domain/transport/demarche";
import { enfantDuUsager, joursProposes, operateurTransport } from "@/lib/domain/transport/queries";

export const enfantIntrouvable = () => new AppError("introuvable", "Cet enfant est introuvable.");

export type Signalement = { prendLeBus: boolean; jours: number[]; matin: boolean; soir: boolean };

export async function signalerTransport({
  usagerId,
  enfantId,
  signalement,
}: {
  usagerId: string;
  enfantId: string;
  signalement: Signalement;
}): Promise<{ numero: number }> {
  const commune = await getCommune();
  const numero = await db().$transaction(async (tx) => {
    const operateur = await operateurTransport(tx);
    if (!operateur)
      throw new AppError("sans_transport", "La commune ne propose pas le signalement du transport scolaire.");
    const enfant = await enfantDuUsager(tx, usagerId, enfantId);
    if (!enfant) throw enfantIntrouvable();
    const proposes = await joursProposes(tx);
    const jours = signalement.prendLeBus ? [...new Set(signalement.jours)].sort((a, b) => a - b) : [];
    if (jours.some((j) => !proposes.includes(j)))
      throw new AppError("jours", "Choisissez parmi les jours d'école proposés.", "jours");
    const donnees: DonneesTransport = {
      enfantId,
      prenom: enfant.prenoms,
      operateur,
      prendLeBus: signalement.prendLeBus,
      jours,
      matin: signalement.prendLeBus && signalement.matin,
      soir: signalement.prendLeBus && signalement.soir,
    };
    const erreur = erreurTransport(donnees);
    if (erreur) throw new AppError("incomplete", erreur.message, erreur.champ);
    const enCours = await tx.demande.findFirst({
      where: { type: "TRANSPORT_SCOLAIRE", enfantId, familleId: enfant.familleId, statut: { in: EN_COURS } },
      select: { numero: true },
    });
    if (enCours)
      throw new AppError(
        "en_cours",
        `Votre signalement N° ${enCours.numero} pour ${enfant.prenoms} est déjà en cours d'instruction.`,
      );
    const demande = await tx.demande.create({
      data: { type: "TRANSPORT_SCOLAIRE", usagerId, familleId: enfant.familleId, enfantId, donnees },
    });
    return deposerDans(tx, {
      usagerId,
      demandeId: demande.id,
      commune,
      demarches: { TRANSPORT_SCOLAIRE: DEMARCHE_TRANSPORT_SCOLAIRE },
    });
  });
  return { numero };
}
