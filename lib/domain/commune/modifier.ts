// Paramétrage: an admin edits the commune's settings. One transaction with its journal entry (old → new for
// each field); once it commits, this node forgets its cached copy so the next page shows the change.
import { transaction } from "@/lib/effets";
import { journal } from "@/lib/journal";
import { oublierCommune } from "@/lib/commune";
import type { CommuneSaisie } from "@/lib/domain/commune/schemas";

export async function modifierCommune({
  agentId,
  saisie,
}: {
  agentId: string;
  saisie: CommuneSaisie;
}): Promise<{ champs: string[] }> {
  const data = {
    nom: saisie.nom,
    adresse: saisie.adresse ?? null,
    serviceNom: saisie.serviceNom,
    serviceEmail: saisie.serviceEmail,
    telephone: saisie.telephone ?? null,
    siteUrl: saisie.siteUrl ?? null,
    totpObligatoire: saisie.totpObligatoire,
    delaiJustificatifHeures: saisie.delaiJustificatifHeures,
    heureLimiteMaladie: saisie.heureLimiteMaladie,
    traiteurCourriel: saisie.traiteurCourriel ?? null,
    ...(saisie.transportOperateur !== undefined ? { transportOperateur: saisie.transportOperateur } : {}),
    ...(saisie.delaiCorrectionPointageJours !== undefined
      ? { delaiCorrectionPointageJours: saisie.delaiCorrectionPointageJours }
      : {}),
  };
  const champs = await transaction(async (tx, effets) => {
    const avant = await tx.commune.findUniqueOrThrow({ where: { id: 1 } });
    const changements = (Object.keys(data) as (keyof typeof data)[])
      .filter((champ) => avant[champ] !== data[champ])
      .map((champ) => ({ champ, avant: avant[champ], apres: data[champ] }));
    if (changements.length === 0) return [];
    await tx.commune.update({ where: { id: 1 }, data });
    await journal(tx, { event: "commune.modifiee", actorKind: "AGENT", actorId: agentId, details: { changements } });
    effets.apresCommit(oublierCommune);
    return changements.map((c) => c.champ);
  });
  return { champs };
}
