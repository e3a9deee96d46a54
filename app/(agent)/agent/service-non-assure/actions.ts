"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionAgent } from "@/lib/action";
import { maintenant } from "@/lib/web/horloge";
import { estJour } from "@/lib/temps/jours";
import { annulerServiceNonAssure } from "@/lib/domain/service-non-assure/annuler";
import { apercuServiceNonAssure } from "@/lib/domain/service-non-assure/cibles";
import { declarerServiceNonAssure } from "@/lib/domain/service-non-assure/declarer";
import type { ServiceVise } from "@/lib/domain/service-non-assure/motifs";

const PAGE = "/agent/service-non-assure";
/** A checked box of the form: "service-<activiteId>-<lieuId>". */
const CASE = /^service-(\d{1,9})-(\d{1,9})$/;

const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? "s" : ""}`;

/** « 143 réservations annulées, 97 familles prévenues »: what the declaration does, as its preview says it. */
const bilanEnClair = (n: number, f: number) =>
  `${pluriel(n, "réservation")} ${n > 1 ? "annulées" : "annulée"}, ${pluriel(f, "famille")} ${f > 1 ? "prévenues" : "prévenue"}`;

function servicesCoches(values: Record<string, string>): ServiceVise[] {
  return Object.entries(values).flatMap(([nom, valeur]) => {
    const m = CASE.exec(nom);
    return m && valeur === "on" ? [{ activiteId: Number(m[1]), lieuId: Number(m[2]) }] : [];
  });
}

// Two steps: the form first shows what the declaration will do (the preview, « Confirmer » / « Modifier »,
// everything typed kept), then « Confirmer » declares it.
export const declarerServiceNonAssureAction = actionAgent(
  "serviceNonAssure.declarer",
  z.object({
    debut: z
      .string({ error: "Indiquez la date." })
      .refine(estJour, { error: "Indiquez une date valide (JJ/MM/AAAA)." }),
    fin: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || estJour(v), { error: "Indiquez une date de fin valide (JJ/MM/AAAA)." }),
    motif: z.enum(["GREVE", "SORTIE", "FERMETURE"], { error: "Choisissez le motif." }),
    etape: z.enum(["apercu", "confirmer", "modifier"]).optional(),
  }),
  async ({ agent, data, values }) => {
    const services = servicesCoches(values);
    const saisie = { ...values, etape: "" };
    if (services.length === 0)
      return { ok: false, values: saisie, errors: { services: "Choisissez au moins une activité et un lieu." } };
    const periode = { debut: data.debut, fin: data.fin || data.debut };
    if (data.etape === "modifier") return { ok: false, values: saisie, extra: { modifier: true } };
    if (data.etape !== "confirmer") {
      const apercu = await apercuServiceNonAssure({ services, ...periode });
      return {
        ok: false,
        values: saisie,
        extra: {
          apercu: { bilan: bilanEnClair(apercu.reservations, apercu.familles) },
        },
      };
    }
    const bilan = await declarerServiceNonAssure({
      agentId: agent.id,
      services,
      ...periode,
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
