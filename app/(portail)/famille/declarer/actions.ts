"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionUsager, saisieLibre } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { ecrireSelection, lireSelection, modifierDeclaration, type Suite } from "@/lib/domain/famille/declaration";
import type { Manque } from "@/lib/domain/famille/schemas";

export type DeclarationState = FormState & { manques?: Manque[]; enregistre?: boolean };

const PAGE = "/famille/declarer";

/** What the pressed button asks: "intent" is "enregistrer", "etape2", "supprimer", "ajouter:<rôle>" or "voir:<personne>". */
function suiteDe(intent: string): Suite {
  if (intent === "etape2") return { kind: "etape2" };
  if (intent === "supprimer") return { kind: "supprimer" };
  if (intent === "ajouter:enfant" || intent === "ajouter:contact" || intent === "ajouter:coRepresentant") {
    return { kind: "ajouter", role: intent.slice("ajouter:".length) as "enfant" | "contact" | "coRepresentant" };
  }
  if (intent.startsWith("voir:"))
    return { kind: "selectionner", selection: lireSelection(intent.slice("voir:".length)) };
  return { kind: "rester" };
}

/**
 * Every button of step 1 posts the person shown: it is saved first (as typed, complete or not), then the
 * button's intent is carried out. The person shown comes from the form, and only ever reaches this
 * parent's own draft.
 */
export const enregistrerDeclaration = actionUsager(
  "enregistrerDeclaration",
  saisieLibre,
  async ({ usager, values }) => {
    const selection = lireSelection(values.personne);
    const resultat = await modifierDeclaration({
      usager,
      enregistrer: { selection, values },
      suite: suiteDe(values.intent ?? ""),
    });
    revalidatePath(PAGE);
    switch (resultat.kind) {
      case "recapitulatif":
        redirect(`${PAGE}/recapitulatif`);
      case "selection":
        if (values.intent === "enregistrer") return { values, extra: { enregistre: true } };
        redirect(`${PAGE}?personne=${ecrireSelection(resultat.selection)}`);
      case "erreurs":
        return { ok: false, values, errors: resultat.errors };
      case "manques":
        return { ok: false, values, errors: resultat.errors, extra: { manques: resultat.manques } };
    }
  },
  { suite: PAGE },
);
