"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionPublique } from "@/lib/action";
import { clearSessionCookie, sessionToken } from "@/lib/auth/current";
import { revokeSession } from "@/lib/auth/sessions";

/** Se déconnecter: the session is revoked on the server, not only forgotten by the browser. Anyone may: an
 * expired session logs out too. */
export const deconnexion = actionPublique("deconnexion", z.object({}), async () => {
  const token = await sessionToken();
  if (token) await revokeSession(token);
  await clearSessionCookie();
  redirect("/connexion?deconnecte=1");
});
