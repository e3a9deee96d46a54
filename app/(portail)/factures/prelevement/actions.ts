"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { modifierIbanMandat } from "@/lib/domain/prelevement/modifier-mandat";
import { revoquerMandat } from "@/lib/domain/prelevement/revoquer-mandat";
import { signerMandat } from "@/lib/domain/prelevement/signer-mandat";
import { maintenant } from "@/lib/web/horloge";

const PAGE = "/factures/prelevement";

// The IBAN's refusals (country, length, key) come from the domain's one rule, beside the field.
const signatureSchema = z.object({
  familleId: z.uuid({ message: "Cette famille est introuvable." }),
  iban: z.string().trim().max(50, { message: "Un IBAN compte au plus 34 caractères." }),
  titulaire: z
    .string()
    .trim()
    .min(1, { message: "Indiquez le titulaire du compte." })
    .max(70, { message: "Le titulaire du compte tient en 70 caractères." }),
  consentement: z.string().optional(),
  motDePasse: z.string().max(200).optional(),
});

/** « Signer le mandat »: the parent's family gets its mandate, signed with the password or a fresh FranceConnect. */
export const signerMandatAction = actionUsager(
  "prelevement.signer",
  signatureSchema,
  async ({ usager, session, data }) => {
    const { rum } = await signerMandat({
      usagerId: usager.id,
      sessionId: session.id,
      familleId: data.familleId,
      iban: data.iban,
      titulaire: data.titulaire,
      consentement: data.consentement === "on",
      motDePasse: data.motDePasse || undefined,
      ip: await clientIp(),
      now: await maintenant(),
    });
    revalidatePath(PAGE);
    return { message: `Mandat signé : référence unique du mandat ${rum}. Il vous a été envoyé par courriel.` };
  },
  { suite: PAGE },
);

/** « Modifier l'IBAN »: a new version of the mandate, under the same RUM, signed the same way. */
export const modifierIbanAction = actionUsager(
  "prelevement.modifier-iban",
  signatureSchema.extend({ rum: z.string().trim().min(1).max(35) }),
  async ({ usager, session, data }) => {
    const { rum, numero } = await modifierIbanMandat({
      usagerId: usager.id,
      sessionId: session.id,
      rum: data.rum,
      iban: data.iban,
      titulaire: data.titulaire,
      consentement: data.consentement === "on",
      motDePasse: data.motDePasse || undefined,
      ip: await clientIp(),
      now: await maintenant(),
    });
    revalidatePath(PAGE);
    return {
      message: `IBAN modifié : le mandat ${rum} est à sa version ${numero}. Il vous a été envoyé par courriel.`,
    };
  },
  { suite: PAGE },
);

/** « Révoquer le mandat », once confirmed: the debits not yet sent to the bank are cancelled. */
export const revoquerMandatAction = actionUsager(
  "prelevement.revoquer",
  z.object({
    rum: z.string().trim().min(1).max(35),
    confirmation: z.literal("on", { message: "Cochez la case pour confirmer la révocation." }),
  }),
  async ({ usager, data }) => {
    const { annules } = await revoquerMandat({
      rum: data.rum,
      par: { kind: "USAGER", usagerId: usager.id },
      ip: await clientIp(),
      now: await maintenant(),
    });
    revalidatePath(PAGE);
    return {
      message:
        annules > 0
          ? `Mandat révoqué. ${annules === 1 ? "Le prélèvement prévu est annulé" : `Les ${annules} prélèvements prévus sont annulés`} : payez vos factures par un autre moyen.`
          : "Mandat révoqué : vos prochaines factures ne seront pas prélevées.",
    };
  },
  { suite: PAGE },
);
