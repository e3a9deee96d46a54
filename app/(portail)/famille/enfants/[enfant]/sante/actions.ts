"use server";

import { redirect } from "next/navigation";
import { actionUsagerLiee, saisieLibre, type SaisieLibre } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { modifierDossierSante } from "@/lib/domain/sante/dossier";
import { medecinParId, rechercherMedecins } from "@/lib/domain/sante/queries";
import { maintenant } from "@/lib/web/horloge";

export type MedecinTrouve = { id: string; libelle: string };
type Extra = { medecins?: MedecinTrouve[]; enregistre?: boolean };
export type SanteState = FormState & Extra;

const page = (enfantId: string) => `/famille/enfants/${enfantId}/sante`;

/**
 * Every button of MA DEMANDE posts the whole form (with the signed PAI when one is chosen: checked and stored
 * encrypted by the command, which never takes the document's metadata from the browser). "intent" says what next: "rechercher" (the directory of
 * doctors, nothing saved), "medecin:<id>" (that doctor fills MÉDECIN TRAITANT), "enregistrer", or "etape2".
 * What the parent typed always comes back, so nothing is lost whatever happens. Bound to the child's id by the
 * page: the command finds the child only among the caller's own.
 */
export const enregistrerDossierSante = actionUsagerLiee<SaisieLibre, Extra>(
  "enregistrerDossierSante",
  saisieLibre,
  async ({ usager, lie: enfantId, values, formData }) => {
    const intent = values.intent ?? "enregistrer";
    if (intent === "rechercher") {
      const medecins = await rechercherMedecins(values.rechercheMedecin ?? "");
      return {
        values,
        extra: {
          medecins: medecins.map((m) => ({
            id: m.id,
            libelle: `Dr ${m.prenom} ${m.nom.toUpperCase()} — ${m.commune}`,
          })),
        },
      };
    }
    if (intent.startsWith("medecin:")) {
      const medecin = await medecinParId(intent.slice("medecin:".length));
      if (medecin)
        Object.assign(values, {
          medecinNom: `Dr ${medecin.prenom} ${medecin.nom.toUpperCase()}`,
          medecinCommune: medecin.commune,
          medecinTelephone: medecin.telephone ?? "",
        });
    }
    const document = formData.get("paiDocument");
    const resultat = await modifierDossierSante({
      usagerId: usager.id,
      enfantId,
      values,
      etape2: intent === "etape2",
      document: document instanceof File ? document : null,
      retirerDocument: values.retirerPaiDocument === "on",
      now: await maintenant(),
    });
    if (resultat.kind === "recapitulatif") redirect(`${page(enfantId)}/recapitulatif`);
    if (resultat.kind === "erreurs") return { ok: false, values: resultat.valeurs, errors: resultat.errors };
    return { values: resultat.valeurs, extra: { enregistre: true } };
  },
  { suite: page },
);
