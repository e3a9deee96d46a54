"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { maintenant } from "@/lib/web/horloge";
import { estJour } from "@/lib/temps/jours";
import { annulerServiceNonAssure } from "@/lib/domain/service-non-assure/annuler";
import { declarerServiceNonAssure } from "@/lib/domain/service-non-assure/declarer";

const PAGE = "/agent/service-non-assure";

export const declarerServiceNonAssureAction = actionAgent(
  "serviceNonAssure.declarer",
  z.object({
    // "<activiteId>:<lieuId>", one choice so a lieu always goes with its activity
    service: z
      .string({ error: "Choisissez l'activité et le lieu." })
      .regex(/^\d+:\d+$/, { error: "Choisissez l'activité et le lieu." }),
    debut: z
      .string({ error: "Indiquez la date." })
      .refine(estJour, { error: "Indiquez une date valide (JJ/MM/AAAA)." }),
    fin: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || estJour(v), { error: "Indiquez une date de fin valide (JJ/MM/AAAA)." }),
    motif: z.enum(["GREVE", "SORTIE", "FERMETURE"], { error: "Choisissez le motif." }),
  }),
  async ({ agent, data }) => {
    const [activiteId, lieuId] = data.service.split(":").map(Number) as [number, number];
    const bilan = await declarerServiceNonAssure({
      agentId: agent.id,
      activiteId,
      lieuId,
      debut: data.debut,
      fin: data.fin || data.debut,
      motif: data.motif,
      now: await maintenant(),
    });
    revalidatePath(PAGE);
    return {
      message: bilan.deja
        ? "Ce service non assuré était déjà déclaré : rien n'a changé, aucun courriel de plus."
        : `Service non assuré enregistré : ${bilan.reservations} réservation${bilan.reservations > 1 ? "s" : ""} non facturée${bilan.reservations > 1 ? "s" : ""}, ${bilan.familles} famille${bilan.familles > 1 ? "s" : ""} prévenue${bilan.familles > 1 ? "s" : ""} par courriel.`,
    };
  },
);

export const annulerServiceNonAssureAction = actionAgent(
  "serviceNonAssure.annuler",
  z.object({ id: z.string().uuid({ error: "Déclaration inconnue." }) }),
  async ({ agent, data }) => {
    const { restaurees } = await annulerServiceNonAssure({ agentId: agent.id, id: data.id, now: await maintenant() });
    revalidatePath(PAGE);
    return {
      message: `Déclaration annulée : ${restaurees} réservation${restaurees > 1 ? "s" : ""} rétablie${restaurees > 1 ? "s" : ""}.`,
    };
  },
);
