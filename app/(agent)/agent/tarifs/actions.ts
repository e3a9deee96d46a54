"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { actionAgent, saisieLibre } from "@/lib/action";
import type { FormState } from "@/lib/forms";
import { modifierParametres, parametresSchema } from "@/lib/domain/facturation/parametres";
import { enregistrerTarif } from "@/lib/domain/facturation/tarifs";

/** A unit's tariff for a year, bound by the page to "anneeId:uniteId"; each message beside its field. */
export async function enregistrerTarifAction(cle: string, previous: FormState, formData: FormData) {
  return actionAgent(
    "enregistrerTarif",
    saisieLibre,
    async ({ agent, values }) => {
      const [anneeId, uniteId] = cle.split(":").map(Number);
      if (!Number.isInteger(anneeId) || !Number.isInteger(uniteId)) notFound();
      const resultat = await enregistrerTarif({
        anneeId: anneeId!,
        uniteId: uniteId!,
        agentId: agent.id,
        saisie: values,
      });
      if (!resultat) notFound();
      if (!resultat.ok) {
        return {
          ok: false,
          errors: resultat.errors,
          message: "Le tarif n'est pas enregistré : corrigez les champs signalés.",
        };
      }
      revalidatePath("/agent/tarifs");
      return { message: "Tarif enregistré.", values };
    },
    { role: "ADMIN" },
  )(previous, formData);
}

export const modifierParametresAction = actionAgent(
  "modifierParametresFacturation",
  parametresSchema,
  async ({ agent, data }) => {
    await modifierParametres({ agentId: agent.id, data });
    revalidatePath("/agent/tarifs");
    return { message: "Paramètres de facturation enregistrés." };
  },
  { role: "ADMIN" },
);
