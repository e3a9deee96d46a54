"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { enregistrerReservations } from "@/lib/domain/reservation/enregistrer";
import { maintenant } from "@/lib/web/horloge";
import { changementsSchema, resumeBilan } from "@/lib/domain/reservation/schemas";

const schema = z.object({ inscriptionId: z.string().min(1), changements: changementsSchema });

export const enregistrerReservationsAction = actionUsager(
  "enregistrerReservations",
  schema,
  async ({ usager, data }) => {
    const bilan = await enregistrerReservations({
      usagerId: usager.id,
      inscriptionId: data.inscriptionId,
      changements: data.changements,
      now: await maintenant(),
    });
    revalidatePath("/famille/enfants/[enfant]/reservations", "page");
    return resumeBilan(bilan);
  },
);
