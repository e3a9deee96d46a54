// « Ajouter un enfant » from Ma famille: a newborn, a sibling starting school. The parent types the child as the
// declaration asks it; the agents accept the demande (lib/domain/famille/demarche-ajout-enfant.ts).
import { AppError } from "@/lib/errors";
import { champsDePersonne, erreursDePersonne } from "@/lib/domain/famille/schemas";
import { DEMARCHE_AJOUT_ENFANT, type DonneesAjoutEnfant } from "@/lib/domain/famille/demarche-ajout-enfant";
import { deposerPourSaFamille } from "@/lib/domain/famille/deposer-famille";

export type ResultatAjout = { ok: true; numero: number } | { ok: false; erreurs: Record<string, string> };

export async function demanderAjoutEnfant({
  usagerId,
  saisie,
}: {
  usagerId: string;
  saisie: Record<string, string>;
}): Promise<ResultatAjout> {
  const enfant = champsDePersonne("enfant", saisie);
  const erreurs = erreursDePersonne("enfant", enfant);
  if (Object.keys(erreurs).length > 0) return { ok: false, erreurs };
  const { numero } = await deposerPourSaFamille({
    usagerId,
    type: "AJOUT_ENFANT",
    demarches: { AJOUT_ENFANT: DEMARCHE_AJOUT_ENFANT },
    async preparer(tx, representant) {
      const memeEnfant = await tx.demande.findFirst({
        where: {
          familleId: representant.familleId,
          type: "AJOUT_ENFANT",
          statut: { in: ["DEPOSEE", "EN_INSTRUCTION", "A_COMPLETER"] },
          donnees: { path: ["enfant", "prenoms"], equals: enfant.prenoms ?? "" },
        },
        select: { numero: true, donnees: true },
      });
      if (memeEnfant && (memeEnfant.donnees as DonneesAjoutEnfant).enfant.dateNaissance === enfant.dateNaissance)
        throw new AppError(
          "en_cours",
          `Votre demande d'ajout de cet enfant N° ${memeEnfant.numero} est déjà en cours d'instruction.`,
        );
      const donnees: DonneesAjoutEnfant = { enfant };
      return donnees;
    },
  });
  return { ok: true, numero };
}
