"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { config } from "@/lib/config";
import { payerEnLigne } from "@/lib/domain/paiement/payfip";
import { maintenant } from "@/lib/web/horloge";

const payerSchema = z.object({ numero: z.string().trim().min(1).max(40) });

/** "Payer en ligne": opens a PayFiP operation for the caller's invoice and sends them to PayFiP's page. */
export const payerEnLigneAction = actionUsager(
  "factures.payer-en-ligne",
  payerSchema,
  async ({ usager, data }) => {
    const numero = encodeURIComponent(data.numero);
    const { url } = await payerEnLigne({
      usagerId: usager.id,
      numero: data.numero,
      now: await maintenant(),
      reglages: config.payfip,
      urls: {
        notification: `${config.appUrl}/api/payfip/notification`,
        retour: `${config.appUrl}/factures/${numero}/payer/retour`,
      },
    });
    redirect(url);
  },
  { suite: (formData) => `/factures/${encodeURIComponent(String(formData.get("numero") ?? ""))}/payer` },
);
