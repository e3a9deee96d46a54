"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { clientIp } from "@/lib/auth/current";
import { confirmerChangementCourriel } from "@/lib/domain/usager/courriel";

/** The button of the confirmation page (a POST, so that a mail scanner opening the link changes nothing). */
export const confirmerCourrielAction = actionUsager(
  "confirmerCourriel",
  z.object({ token: z.string().max(200) }),
  async ({ usager, data }) => {
    const { courriel } = await confirmerChangementCourriel({
      usagerId: usager.id,
      token: data.token,
      ip: await clientIp(),
    });
    revalidatePath("/mon-profil");
    return { message: `Votre adresse de courriel est désormais ${courriel}.` };
  },
  // back to this very link after the login
  {
    suite: (formData) =>
      `/mes-informations/courriel/confirmer/${encodeURIComponent(String(formData.get("token") ?? ""))}`,
  },
);
