"use server";
// « Accepter » / « Refuser » a place offered from a booking window's waiting list: the reservation's id comes from
// the form, and the command finds it among the caller's families' only (another family's: « introuvable »).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { accepterOffre } from "@/lib/domain/fenetre/accepter-offre";
import { declinerOffre } from "@/lib/domain/fenetre/decliner-offre";
import { maintenant } from "@/lib/web/horloge";

const offreSchema = z.object({ reservationId: z.string().trim().min(1).max(100) });
const PAGE = "/famille/reservations/propositions";

export const accepterOffreAction = actionUsager(
  "accepterOffre",
  offreSchema,
  async ({ usager, data }) => {
    await accepterOffre({ usagerId: usager.id, reservationId: data.reservationId, now: await maintenant() });
    revalidatePath(PAGE);
    // the offer leaves the list with its form: the answer is the page's, brought into view and focused
    redirect(`${PAGE}?reponse=acceptee`);
  },
  { suite: PAGE },
);

export const declinerOffreAction = actionUsager(
  "declinerOffre",
  offreSchema,
  async ({ usager, data }) => {
    await declinerOffre({ usagerId: usager.id, reservationId: data.reservationId, now: await maintenant() });
    revalidatePath(PAGE);
    redirect(`${PAGE}?reponse=refusee`);
  },
  { suite: PAGE },
);
