"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionPublique } from "@/lib/action";
import { clearSessionCookie, sessionToken } from "@/lib/auth/current";
import { revokeSession } from "@/lib/auth/sessions";
import { sortieFranceConnect } from "@/lib/auth/franceconnect";

/**
 * Se déconnecter: the session is revoked on the server, not only forgotten by the browser; one opened through
 * FranceConnect ends there too (its end-session page sends back to /connexion). Anyone may: an expired session
 * logs out too.
 */
export const deconnexion = actionPublique("deconnexion", z.object({}), async () => {
  const token = await sessionToken();
  const { idTokenFranceconnect } = token ? await revokeSession(token) : { idTokenFranceconnect: null };
  await clearSessionCookie();
  redirect((idTokenFranceconnect && (await sortieFranceConnect(idTokenFranceconnect))) || "/connexion?deconnecte=1");
});
