"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsagerLiee } from "@/lib/action";
import { erreursTransport } from "@/lib/domain/transport/demarche";
import { signalerTransport } from "@/lib/domain/transport/signaler";
import { JOURS_SEMAINE } from "@/lib/domain/transport/texte";

const coche = z.string().optional();

/** TRANSPORT SCOLAIRE: Oui or Non, and for a Oui the days (jour1 … jour5) and the trips. */
export const signalerTransportAction = actionUsagerLiee(
  "transport.signaler",
  z.object({
    prendLeBus: z.enum(["OUI", "NON"], { error: "Répondez « Oui » ou « Non »." }),
    jour1: coche,
    jour2: coche,
    jour3: coche,
    jour4: coche,
    jour5: coche,
    matin: coche,
    soir: coche,
  }),
  async ({ usager, lie: enfantId, data }) => {
    const signalement = {
      prendLeBus: data.prendLeBus === "OUI",
      jours: Object.keys(JOURS_SEMAINE)
        .map(Number)
        .filter((j) => data[`jour${j}` as `jour${1 | 2 | 3 | 4 | 5}`] === "on"),
      matin: data.matin === "on",
      soir: data.soir === "on",
    };
    const erreurs = erreursTransport(signalement);
    if (Object.keys(erreurs).length > 0) return { ok: false, errors: erreurs };
    const { numero } = await signalerTransport({ usagerId: usager.id, enfantId, signalement });
    revalidatePath(`/famille/enfants/${enfantId}/transport`);
    redirect(`/demandes/${numero}/enregistree`);
  },
  { suite: (enfantId) => `/famille/enfants/${enfantId}/transport` },
);
