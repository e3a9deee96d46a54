// `npm run cle:rotation`: after setting CLE_CHIFFREMENT to the new key and CLE_CHIFFREMENT_ANCIENNE to the
// previous one (docs/exploitation.md, "Rotating the encryption key"), rewrites everything under the new key.
import { db } from "@/lib/db";
import { rechiffrerTout } from "@/lib/rotation-cle";

if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL doit désigner la base du portail.");
if (!process.env.CLE_CHIFFREMENT || !process.env.CLE_CHIFFREMENT_ANCIENNE) {
  throw new Error("Définissez CLE_CHIFFREMENT (la nouvelle clé) et CLE_CHIFFREMENT_ANCIENNE (la précédente).");
}
try {
  const bilan = await rechiffrerTout();
  console.log(
    `Rechiffré avec la nouvelle clé : ${bilan.secretsTotp} secret(s) TOTP, ${bilan.dossiersSante} version(s) de dossier santé, ${bilan.demandesSante} demande(s) de dossier santé, ${bilan.commandesRepas} version(s) de commande des repas.`,
  );
  if (bilan.illisibles > 0)
    console.log(
      `${bilan.illisibles} valeur(s) illisible(s) avec l'une et l'autre clé, laissée(s) telle(s) quelle(s) : voir le journal (cle.rotation).`,
    );
  console.log("Vous pouvez maintenant retirer CLE_CHIFFREMENT_ANCIENNE de la configuration.");
} finally {
  await db().$disconnect();
}
