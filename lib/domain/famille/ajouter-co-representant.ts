// « Ajouter un co-représentant » from Ma famille: the person typed with the declaration's fields, a courriel
// required (the invitation goes there); refused while the family has one, or a demande for one in progress.
import { AppError } from "@/lib/errors";
import { champsDePersonne, erreursDePersonne } from "@/lib/domain/famille/schemas";
import {
  DEMARCHE_AJOUT_CO_REPRESENTANT,
  MESSAGE_COURRIEL_REQUIS,
  MESSAGE_DEJA_CO_REPRESENTANT,
  type DonneesAjoutCoRepresentant,
} from "@/lib/domain/famille/demarche-ajout-co-representant";
import { demandeFamilleEnCours, deposerPourSaFamille } from "@/lib/domain/famille/deposer-famille";
import type { ResultatAjout } from "@/lib/domain/famille/ajouter-enfant";

export async function demanderAjoutCoRepresentant({
  usagerId,
  saisie,
}: {
  usagerId: string;
  saisie: Record<string, string>;
}): Promise<ResultatAjout> {
  const coRepresentant = champsDePersonne("coRepresentant", saisie);
  const erreurs = erreursDePersonne("coRepresentant", coRepresentant);
  if (!coRepresentant.courriel?.trim()) erreurs.courriel ??= MESSAGE_COURRIEL_REQUIS;
  if (Object.keys(erreurs).length > 0) return { ok: false, erreurs };
  const { numero } = await deposerPourSaFamille({
    usagerId,
    type: "AJOUT_CO_REPRESENTANT",
    demarches: { AJOUT_CO_REPRESENTANT: DEMARCHE_AJOUT_CO_REPRESENTANT },
    async preparer(tx, representant) {
      const existant = await tx.representant.findFirst({
        where: { familleId: representant.familleId, role: "CO_REPRESENTANT" },
        select: { id: true },
      });
      if (existant) throw new AppError("deja_co_representant", MESSAGE_DEJA_CO_REPRESENTANT);
      const enCours = await demandeFamilleEnCours(tx, representant.familleId, "AJOUT_CO_REPRESENTANT");
      if (enCours)
        throw new AppError(
          "en_cours",
          `La demande d'ajout d'un co-représentant N° ${enCours.numero} est déjà en cours d'instruction.`,
        );
      const donnees: DonneesAjoutCoRepresentant = { coRepresentant };
      return donnees;
    },
  });
  return { ok: true, numero };
}
