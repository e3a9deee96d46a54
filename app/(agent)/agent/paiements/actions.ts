"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionAgent, saisieLibre } from "@/lib/action";
import { maintenant } from "@/lib/web/horloge";
import { enregistrerPaiement, modifierAffectation } from "@/lib/domain/paiement/enregistrer";
import { envoyerRelances, transmettreAuTresorier } from "@/lib/domain/paiement/relances";
import { lireCentimes, paiementGuichetSchema } from "@/lib/domain/paiement/schemas";

/**
 * A payment received at the régie, for the family or the invoice the form was opened from (or the clé enfance
 * typed), allocated by the command; then its page (to edit the allocation).
 */
export const enregistrerPaiementAction = actionAgent(
  "paiement.enregistrer",
  paiementGuichetSchema,
  async ({ agent, data }) => {
    const { id } = await enregistrerPaiement({
      agentId: agent.id,
      pour: data.facture
        ? { facture: data.facture }
        : data.famille
          ? { familleId: data.famille }
          : { cleEnfance: data.cleEnfance ?? "" },
      mode: data.mode,
      montantCentimes: data.montant,
      date: data.date,
      reference: data.reference,
      now: await maintenant(),
    });
    redirect(`/agent/paiements/${id}?enregistre=1`);
  },
);

/** The allocation form: `paiementId`, and one `facture-<id>` field in euros per open invoice. */
export const affecterPaiementAction = actionAgent("paiement.affecter", saisieLibre, async ({ agent, values }) => {
  const paiementId = z.uuid().safeParse(values.paiementId);
  if (!paiementId.success) return { ok: false, message: "Ce paiement est introuvable." };
  const parts: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const [nom, saisie] of Object.entries(values)) {
    if (!nom.startsWith("facture-")) continue;
    const centimes = saisie.trim() === "" ? 0 : lireCentimes(saisie);
    if (centimes === null) errors[nom] = "Indiquez un montant en euros, par exemple 12,50 (0 pour rien).";
    else parts[nom.slice("facture-".length)] = centimes;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  await modifierAffectation({ agentId: agent.id, paiementId: paiementId.data, parts });
  return { message: "L'affectation est enregistrée.", values };
});

export const envoyerRelancesAction = actionAgent("paiement.relances", saisieLibre, async ({ agent }) => {
  const n = await envoyerRelances({ now: await maintenant(), agentId: agent.id });
  return {
    message: n === 0 ? "Aucune facture échue à relancer." : n === 1 ? "1 relance envoyée." : `${n} relances envoyées.`,
  };
});

export const transmettreAction = actionAgent("paiement.tresorier", saisieLibre, async ({ agent }) => {
  const n = await transmettreAuTresorier({ now: await maintenant(), agentId: agent.id });
  return {
    message:
      n === 0
        ? "Aucune facture à transmettre au trésorier."
        : n === 1
          ? "1 facture transmise au trésorier."
          : `${n} factures transmises au trésorier.`,
  };
});
