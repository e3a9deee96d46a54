// Key rotation: every value encrypted with the previous key (CLE_CHIFFREMENT_ANCIENNE) is rewritten with the
// current one (CLE_CHIFFREMENT), each with its own context; afterwards the previous key can be dropped. Run by
// `npm run cle:rotation`. It counts what it rewrote and never prints a value.
import { db } from "@/lib/db";
import { rechiffrer as rechiffrerValeur } from "@/lib/chiffrement";
import { journal } from "@/lib/journal";
import { contexteDemande, contexteVersion, lireDonnees } from "@/lib/domain/sante/coffre";
import { contexteCommande } from "@/lib/domain/commande-repas/coffre";

export type BilanRotation = {
  secretsTotp: number;
  dossiersSante: number;
  demandesSante: number;
  /** the kitchen orders' versions (their diets and allergens counts) */
  commandesRepas: number;
  illisibles: number;
};

export async function rechiffrerTout(): Promise<BilanRotation> {
  const bilan: BilanRotation = { secretsTotp: 0, dossiersSante: 0, demandesSante: 0, commandesRepas: 0, illisibles: 0 };
  // A value neither key opens (altered, or written under a key already dropped) is counted and left as it is:
  // it must not stop the rotation of all the others.
  const rechiffrer = (valeur: string, contexte: string) => {
    try {
      return rechiffrerValeur(valeur, contexte);
    } catch {
      bilan.illisibles++;
      return null;
    }
  };

  const agents = await db().agent.findMany({
    where: { totpSecretChiffre: { not: null } },
    select: { id: true, totpSecretChiffre: true },
  });
  for (const agent of agents) {
    const nouveau = rechiffrer(agent.totpSecretChiffre!, `agent.totp:${agent.id}`);
    if (nouveau) {
      await db().agent.updateMany({
        where: { id: agent.id, totpSecretChiffre: agent.totpSecretChiffre },
        data: { totpSecretChiffre: nouveau },
      });
      bilan.secretsTotp++;
    }
  }

  const versions = await db().dossierSante.findMany({ select: { id: true, enfantId: true, donneesChiffrees: true } });
  for (const version of versions) {
    const nouveau = rechiffrer(version.donneesChiffrees, contexteVersion(version.enfantId, version.id));
    if (nouveau) {
      await db().dossierSante.update({ where: { id: version.id }, data: { donneesChiffrees: nouveau } });
      bilan.dossiersSante++;
    }
  }

  const demandes = await db().demande.findMany({
    where: { type: "DOSSIER_SANTE" },
    select: { id: true, donnees: true },
  });
  for (const demande of demandes) {
    const { sante, complet } = lireDonnees(demande.donnees);
    const nouveau = sante ? rechiffrer(sante, contexteDemande(demande.id)) : null;
    if (nouveau) {
      // only if the parent did not save it meanwhile (then it is already under the new key)
      await db()
        .$executeRaw`UPDATE "Demande" SET donnees = ${JSON.stringify({ sante: nouveau, complet })}::jsonb WHERE id = ${demande.id} AND donnees->>'sante' = ${sante}`;
      bilan.demandesSante++;
    }
  }

  const commandes = await db().commandeRepas.findMany({ select: { id: true, besoinsChiffres: true } });
  for (const commande of commandes) {
    const nouveau = rechiffrer(commande.besoinsChiffres, contexteCommande(commande.id));
    if (nouveau) {
      await db().commandeRepas.update({ where: { id: commande.id }, data: { besoinsChiffres: nouveau } });
      bilan.commandesRepas++;
    }
  }

  await journal(db(), { event: "cle.rotation", actorKind: "SYSTEME", details: bilan });
  return bilan;
}
