"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie, sessionToken } from "@/lib/auth/current";
import { revokeSession } from "@/lib/auth/sessions";
import { sortieFranceConnect } from "@/lib/auth/franceconnect";

/**
 * Se déconnecter: the session is revoked on the server, not only forgotten by the browser; one opened through
 * FranceConnect ends there too (its end-session page sends back to /connexion).
 */
export async function deconnexion(): Promise<void> {
  const token = await sessionToken();
  const { idTokenFranceconnect } = token ? await revokeSession(token) : { idTokenFranceconnect: null };
  await clearSessionCookie();
  redirect((idTokenFranceconnect && (await sortieFranceConnect(idTokenFranceconnect))) || "/connexion?deconnecte=1");
}
