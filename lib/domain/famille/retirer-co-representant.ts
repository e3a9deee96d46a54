// « Retirer un co-représentant » from Ma famille: the titulaire asks for the co-représentant to leave the family,
// or the co-représentant asks it for themself, with a motif; the agents decide.
import { AppError } from "@/lib/errors";
import {
  DEMARCHE_RETRAIT_CO_REPRESENTANT,
  type DonneesRetraitCoRepresentant,
} from "@/lib/domain/famille/demarche-retrait-co-representant";
import { demandeFamilleEnCours, deposerPourSaFamille } from "@/lib/domain/famille/deposer-famille";

export function demanderRetraitCoRepresentant({
  usagerId,
  motif,
}: {
  usagerId: string;
  motif: string;
}): Promise<{ numero: number }> {
  return deposerPourSaFamille({
    usagerId,
    type: "RETRAIT_CO_REPRESENTANT",
    demarches: { RETRAIT_CO_REPRESENTANT: DEMARCHE_RETRAIT_CO_REPRESENTANT },
    async preparer(tx, representant) {
      const coRepresentant = await tx.representant.findFirst({
        where: { familleId: representant.familleId, role: "CO_REPRESENTANT" },
      });
      if (!coRepresentant)
        throw new AppError("sans_co_representant", "Votre famille n'a pas de co-représentant à retirer.");
      const enCours = await demandeFamilleEnCours(tx, representant.familleId, "RETRAIT_CO_REPRESENTANT");
      if (enCours)
        throw new AppError(
          "en_cours",
          `La demande de retrait du co-représentant N° ${enCours.numero} est déjà en cours d'instruction.`,
        );
      const donnees: DonneesRetraitCoRepresentant = {
        representantId: coRepresentant.id,
        nom: `${coRepresentant.prenom} ${coRepresentant.nomUsage.toUpperCase()}`,
        parLuiMeme: representant.role === "CO_REPRESENTANT",
        motif: motif.trim(),
      };
      return donnees;
    },
  });
}
