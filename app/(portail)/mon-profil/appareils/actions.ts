"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { actionUsager } from "@/lib/action";
import { clearSessionCookie, clientIp } from "@/lib/auth/current";
import { oublierAppareils } from "@/lib/auth/appareils";

/**
 * After forgetting, the page again with its message above the list (the form forgotten is gone from it); or, when
 * this very device was forgotten, the login page (it is logged out).
 */
async function apresOubli(courantOublie: boolean, oubli: "un" | "tous"): Promise<never> {
  if (courantOublie) {
    await clearSessionCookie();
    redirect("/connexion?deconnecte=1");
  }
  revalidatePath("/mon-profil");
  redirect(`/mon-profil?oubli=${oubli}`);
}

/** « Oublier cet appareil »: one remembered session of the caller's; anyone else's is a 404. */
export const oublierAppareilAction = actionUsager(
  "oublierAppareil",
  z.object({ session: z.string().trim().min(1).max(64) }),
  async ({ usager, session, data }) => {
    const oublies = await oublierAppareils({ usagerId: usager.id, sessionId: data.session, ip: await clientIp() });
    if (!oublies) notFound();
    return apresOubli(data.session === session.id, "un");
  },
  { suite: "/mon-profil" },
);

/** « Oublier tous les appareils ». */
export const oublierTousLesAppareilsAction = actionUsager(
  "oublierTousLesAppareils",
  z.object({}),
  async ({ usager, session }) => {
    await oublierAppareils({ usagerId: usager.id, ip: await clientIp() });
    return apresOubli(session.seSouvenir, "tous");
  },
  { suite: "/mon-profil" },
);
